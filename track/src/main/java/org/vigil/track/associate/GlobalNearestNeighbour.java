package org.vigil.track.associate;

import java.util.Arrays;
import java.util.List;
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
 */
public final class GlobalNearestNeighbour implements DataAssociator {

    @Override
    public Association associate(Hypotheses h, double[] existence, int detectionCount, ExistenceModel model) {
        int tracks = h.tracks();
        int[] chosen = new int[tracks];
        Arrays.fill(chosen, -1);
        int[] start = h.start();
        int[] det = h.detection();
        double[] logDensity = h.logDensity();
        int[] column = new int[detectionCount];
        List<Clusters.Cluster> clusters = Clusters.of(h, detectionCount);
        for (Clusters.Cluster c : clusters) {
            int[] rows = c.tracks();
            int[] cols = c.detections();
            if (rows.length == 1) {
                int i = rows[0];
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
            for (int k = 0; k < cols.length; k++) {
                column[cols[k]] = k;
            }
            double[][] cost = new double[rows.length][cols.length + rows.length];
            for (int r = 0; r < rows.length; r++) {
                int i = rows[r];
                double[] row = cost[r];
                Arrays.fill(row, Double.POSITIVE_INFINITY);
                for (int e = start[i]; e < start[i + 1]; e++) {
                    row[column[det[e]]] = -LogWeights.detected(existence[i], logDensity[e], model);
                }
                row[cols.length + r] = -LogWeights.missed(existence[i], model);
            }
            int[] a = LinearAssignment.solve(cost);
            for (int r = 0; r < rows.length; r++) {
                if (a[r] < cols.length) {
                    chosen[rows[r]] = cols[a[r]];
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
