package org.vigil.track.associate;

import org.vigil.track.DisjointSets;
import java.util.ArrayList;
import java.util.List;
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

    private Clusters() {
    }

    /** The clusters that hold at least one gated pair; tracks without candidates are left out. */
    public static List<Cluster> of(Hypotheses h, int detectionCount) {
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
        int[] label = new int[parent.length];
        java.util.Arrays.fill(label, -1);
        List<int[]> trackLists = new ArrayList<>();
        List<int[]> detLists = new ArrayList<>();
        int[] trackCount = new int[parent.length];
        int[] detCount = new int[parent.length];
        for (int i = 0; i < tracks; i++) {
            if (start[i + 1] > start[i]) {
                trackCount[DisjointSets.find(parent, i)]++;
            }
        }
        for (int j = 0; j < detectionCount; j++) {
            detCount[DisjointSets.find(parent, tracks + j)]++;
        }
        List<Cluster> out = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            if (start[i + 1] == start[i]) {
                continue;
            }
            int root = DisjointSets.find(parent, i);
            if (label[root] < 0) {
                label[root] = trackLists.size();
                trackLists.add(new int[trackCount[root]]);
                detLists.add(new int[detCount[root]]);
                trackCount[root] = 0;
                detCount[root] = 0;
            }
            trackLists.get(label[root])[trackCount[root]++] = i;
        }
        for (int j = 0; j < detectionCount; j++) {
            int root = DisjointSets.find(parent, tracks + j);
            if (label[root] >= 0) {
                detLists.get(label[root])[detCount[root]++] = j;
            }
        }
        for (int c = 0; c < trackLists.size(); c++) {
            out.add(new Cluster(trackLists.get(c), detLists.get(c)));
        }
        return out;
    }

}
