package org.vigil.track.associate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.track.DisjointSets;
import org.vigil.track.gate.Hypotheses;

/**
 * The connected components of the track-detection gating graph: tracks that share no detection,
 * even through others, can be associated independently, so each cluster is solved on its own
 * small matrix. Union-find with path halving.
 */
public final class Clusters {

    /** One component: its tracks and detections (frame indices), ascending. */
    public record Cluster(int[] tracks, int[] detections) {
    }

    /**
     * All components at once, in compressed rows: cluster {@code c} holds the tracks
     * {@code tracks[trackStart[c] .. trackStart[c+1]-1]} and the detections
     * {@code detections[detectionStart[c] .. detectionStart[c+1]-1]}, each ascending. A live frame
     * has about one cluster per detection, so this form costs a few arrays per frame where a
     * list of {@link Cluster}s costs three objects per cluster.
     *
     * @param trackStart     cluster starts in {@code tracks}, length clusters + 1
     * @param tracks         the clusters' tracks
     * @param detectionStart cluster starts in {@code detections}, length clusters + 1
     * @param detections     the clusters' detections
     */
    public record Partition(int[] trackStart, int[] tracks, int[] detectionStart, int[] detections) {

        /** Number of clusters. */
        public int size() {
            return trackStart.length - 1;
        }
    }

    private Clusters() {
    }

    /** The clusters that hold at least one gated pair; tracks without candidates are left out. */
    public static List<Cluster> of(Hypotheses h, int detectionCount) {
        Partition p = partition(h, detectionCount);
        List<Cluster> out = new ArrayList<>(p.size());
        for (int c = 0; c < p.size(); c++) {
            out.add(new Cluster(Arrays.copyOfRange(p.tracks(), p.trackStart()[c], p.trackStart()[c + 1]),
                    Arrays.copyOfRange(p.detections(), p.detectionStart()[c], p.detectionStart()[c + 1])));
        }
        return out;
    }

    /**
     * The same clusters as {@link #of}, in the same order (by their first track), as one
     * {@link Partition}.
     */
    public static Partition partition(Hypotheses h, int detectionCount) {
        int tracks = h.tracks();
        int[] parent = new int[tracks + detectionCount];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[] start = h.start();
        int[] det = h.detection();
        for (int i = 0; i < tracks; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                DisjointSets.union(parent, i, tracks + det[e]);
            }
        }
        // number the components in the order of their first track; count their members
        int[] label = new int[parent.length];
        Arrays.fill(label, -1);
        int clusters = 0;
        for (int i = 0; i < tracks; i++) {
            if (start[i + 1] > start[i]) {
                int root = DisjointSets.find(parent, i);
                if (label[root] < 0) {
                    label[root] = clusters++;
                }
            }
        }
        int[] trackStart = new int[clusters + 1];
        int[] detectionStart = new int[clusters + 1];
        for (int i = 0; i < tracks; i++) {
            if (start[i + 1] > start[i]) {
                trackStart[label[DisjointSets.find(parent, i)] + 1]++;
            }
        }
        for (int j = 0; j < detectionCount; j++) {
            int c = label[DisjointSets.find(parent, tracks + j)];
            if (c >= 0) {
                detectionStart[c + 1]++;
            }
        }
        for (int c = 0; c < clusters; c++) {
            trackStart[c + 1] += trackStart[c];
            detectionStart[c + 1] += detectionStart[c];
        }
        // place the members, ascending within each cluster
        int[] trackOf = new int[trackStart[clusters]];
        int[] detectionOf = new int[detectionStart[clusters]];
        int[] next = Arrays.copyOf(trackStart, clusters);
        for (int i = 0; i < tracks; i++) {
            if (start[i + 1] > start[i]) {
                trackOf[next[label[DisjointSets.find(parent, i)]]++] = i;
            }
        }
        System.arraycopy(detectionStart, 0, next, 0, clusters);
        for (int j = 0; j < detectionCount; j++) {
            int c = label[DisjointSets.find(parent, tracks + j)];
            if (c >= 0) {
                detectionOf[next[c]++] = j;
            }
        }
        return new Partition(trackStart, trackOf, detectionStart, detectionOf);
    }
}
