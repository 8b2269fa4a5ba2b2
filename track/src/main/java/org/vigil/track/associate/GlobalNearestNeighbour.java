package org.vigil.track.associate;

import java.util.Arrays;
import org.vigil.track.gate.Hypotheses;
import org.vigil.track.model.ExistenceModel;

/**
 * Global nearest neighbour: the single most likely joint assignment of detections to tracks,
 * each track taking at most one detection and each detection at most one track.
 *
 * <p>For each cluster of the gating graph the 2-D assignment is solved exactly
 * ({@link LinearAssignment}) on the matrix with rows = tracks and columns = detections plus one
 * "missed" column per track: cost {@code -ln(r_i pd g_ij / kappa)} for a gated pair,
 * {@code -ln(1 - r_i pd)} for track {@code i}'s own missed column, infinity elsewhere. The sum
 * of costs is minus the log-weight of the joint hypothesis, so the assignment is its maximum a
 * posteriori choice; a detection left over is clutter or a new target.
 *
 * <p>In these costs a track's existence {@code r_i} is floored at {@code existenceFloor}
 * (default {@value #DEFAULT_EXISTENCE_FLOOR}); the track's own existence update still uses its
 * true {@code r_i}. Why: a tentative track starts at {@code r = birth / (birth + clutter)},
 * which in dense clutter is about 1e-3. Unfloored, such a track takes its target's next
 * detection only when {@code r pd g / kappa > 1 - r pd}, i.e. when the detection is a
 * thousand times likelier from it than from clutter; otherwise the detection is left over
 * and starts another tentative track. Hard association then throws the evidence away scan
 * after scan and no track is ever confirmed (measured: zero tracks on a generated scenario
 * with 100 false detections per scan). With the floor, tentative tracks take the detections
 * their gates and likelihoods favour (as Stone Soup's distance hypothesiser does) and
 * accumulate existence, while a confirmed track ({@code r} near 1) still outweighs a
 * tentative one competing for the same detection.
 */
public final class GlobalNearestNeighbour implements DataAssociator {

    /** Existence used in the association costs of tracks below it. */
    public static final double DEFAULT_EXISTENCE_FLOOR = 0.5;

    private final double existenceFloor;

    public GlobalNearestNeighbour() {
        this(DEFAULT_EXISTENCE_FLOOR);
    }

    /** @param existenceFloor existence below which tracks are costed as if at it, 0..1 (0: no floor) */
    public GlobalNearestNeighbour(double existenceFloor) {
        if (!(existenceFloor >= 0 && existenceFloor < 1)) {
            throw new IllegalArgumentException("existence floor must be in [0, 1): " + existenceFloor);
        }
        this.existenceFloor = existenceFloor;
    }

    @Override
    public Association associate(Hypotheses h, double[] existenceIn, int detectionCount, ExistenceModel model) {
        double[] existence = existenceIn;
        if (existenceFloor > 0) {
            existence = existenceIn.clone();
            for (int i = 0; i < existence.length; i++) {
                existence[i] = Math.max(existence[i], existenceFloor);
            }
        }
        int tracks = h.tracks();
        int[] chosen = new int[tracks];
        Arrays.fill(chosen, -1);
        int[] start = h.start();
        int[] det = h.detection();
        double[] logDensity = h.logDensity();
        int[] column = new int[detectionCount];
        Clusters.Partition clusters = Clusters.partition(h, detectionCount);
        int[] trackStart = clusters.trackStart(), members = clusters.tracks();
        int[] detectionStart = clusters.detectionStart(), detections = clusters.detections();
        for (int c = 0; c < clusters.size(); c++) {
            int r0 = trackStart[c], rows = trackStart[c + 1] - r0;
            int c0 = detectionStart[c], cols = detectionStart[c + 1] - c0;
            if (rows == 1) {
                int i = members[r0];
                double best = -LogWeights.missed(existence[i], model);
                for (int e = start[i]; e < start[i + 1]; e++) {
                    double cost = -LogWeights.detected(existence[i], logDensity[e], model);
                    if (cost < best) {
                        best = cost;
                        chosen[i] = det[e];
                    }
                }
                continue;
            }
            for (int k = 0; k < cols; k++) {
                column[detections[c0 + k]] = k;
            }
            double[][] cost = new double[rows][cols + rows];
            for (int r = 0; r < rows; r++) {
                int i = members[r0 + r];
                double[] row = cost[r];
                Arrays.fill(row, Double.POSITIVE_INFINITY);
                for (int e = start[i]; e < start[i + 1]; e++) {
                    row[column[det[e]]] = -LogWeights.detected(existence[i], logDensity[e], model);
                }
                row[cols + r] = -LogWeights.missed(existence[i], model);
            }
            int[] a = LinearAssignment.solve(cost);
            for (int r = 0; r < rows; r++) {
                if (a[r] < cols) {
                    chosen[members[r0 + r]] = detections[c0 + a[r]];
                }
            }
        }
        return hard(chosen, detectionCount);
    }

    /** The association that updates track {@code i} with detection {@code chosen[i]} (or misses it when -1). */
    static Association hard(int[] chosen, int detectionCount) {
        int tracks = chosen.length;
        int[] start = new int[tracks + 1];
        int pairs = 0;
        for (int c : chosen) {
            if (c >= 0) {
                pairs++;
            }
        }
        int[] detection = new int[pairs];
        double[] weight = new double[pairs];
        double[] miss = new double[tracks];
        double[] used = new double[detectionCount];
        int e = 0;
        for (int i = 0; i < tracks; i++) {
            if (chosen[i] >= 0) {
                detection[e] = chosen[i];
                weight[e] = 1;
                used[chosen[i]] = 1;
                e++;
            } else {
                miss[i] = 1;
            }
            start[i + 1] = e;
        }
        return new Association(start, detection, weight, miss, used);
    }
}
