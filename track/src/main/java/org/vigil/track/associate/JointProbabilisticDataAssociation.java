package org.vigil.track.associate;

import java.util.List;
import org.vigil.track.gate.Hypotheses;
import org.vigil.track.model.ExistenceModel;

/**
 * Joint probabilistic data association (JPDA): every track is updated with all its gated
 * detections, each weighted by the marginal probability that it is the track's, with the
 * "missed" hypothesis weighted likewise (the updater then moment-matches the mixture).
 *
 * <p>A joint event assigns each track of a cluster one of its gated detections or "missed",
 * no detection twice; its weight is {@code prod (r_i pd g_ij / kappa)} over assigned tracks
 * times {@code prod (1 - r_i pd)} over missed ones. The marginal {@code beta_ij} is the total
 * weight of the events with {@code i -> j} over the total weight of all events. Clusters with at
 * most {@code maxEvents} events (bounded by the product of (candidates + 1)) are enumerated
 * exactly. Larger ones (dense crossings) take the single most likely joint event instead, by
 * 2-D assignment as {@link GlobalNearestNeighbour} does: on the shared crossing-convoys
 * scenario the product approximation
 * {@code beta_ij ~ w_ij prod_{k != i} (1 + w_kj)^-1} that was used before lost about half the
 * convoy tracks while the convoys crossed (mean GOSPA 838; with the most likely event 534).
 */
public final class JointProbabilisticDataAssociation implements DataAssociator {

    private final int maxEvents;

    /** @param maxEvents largest cluster, in joint events, that is enumerated exactly */
    public JointProbabilisticDataAssociation(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Exact enumeration up to 100,000 joint events per cluster. */
    public JointProbabilisticDataAssociation() {
        this(100_000);
    }

    @Override
    public Association associate(Hypotheses h, double[] existence, int detectionCount, ExistenceModel model) {
        int tracks = h.tracks();
        int[] start = h.start();
        int[] det = h.detection();
        double[] weight = new double[h.pairs()];
        double[] miss = new double[tracks];
        java.util.Arrays.fill(miss, 1.0);
        double[] detectionWeight = new double[detectionCount];
        int[] column = new int[detectionCount];
        List<Clusters.Cluster> clusters = Clusters.of(h, detectionCount);
        for (Clusters.Cluster c : clusters) {
            int[] rows = c.tracks();
            int[] cols = c.detections();
            for (int k = 0; k < cols.length; k++) {
                column[cols[k]] = k;
            }
            // linear weights, scaled per track by its miss weight for numerical range
            double[][] w = new double[rows.length][];
            int[][] local = new int[rows.length][];
            double events = 1;
            for (int r = 0; r < rows.length; r++) {
                int i = rows[r];
                int n = start[i + 1] - start[i];
                w[r] = new double[n];
                local[r] = new int[n];
                double logMiss = LogWeights.missed(existence[i], model);
                for (int e = 0; e < n; e++) {
                    w[r][e] = Math.exp(LogWeights.detected(existence[i], h.logDensity()[start[i] + e], model) - logMiss);
                    local[r][e] = column[det[start[i] + e]];
                }
                events *= n + 1;
            }
            double[][] beta = new double[rows.length][];
            double[] betaMiss = new double[rows.length];
            if (events <= maxEvents && cols.length <= 64) {
                exact(w, local, beta, betaMiss);
            } else {
                mostLikely(w, local, cols.length, beta, betaMiss);
            }
            for (int r = 0; r < rows.length; r++) {
                int i = rows[r];
                miss[i] = betaMiss[r];
                for (int e = 0; e < beta[r].length; e++) {
                    weight[start[i] + e] = beta[r][e];
                    detectionWeight[det[start[i] + e]] += beta[r][e];
                }
            }
        }
        return new Association(start.clone(), det.clone(), weight, miss, detectionWeight);
    }

    /** Exact marginals by depth-first enumeration of the joint events (missed weight 1 after scaling). */
    private static void exact(double[][] w, int[][] local, double[][] beta, double[] betaMiss) {
        int n = w.length;
        for (int r = 0; r < n; r++) {
            beta[r] = new double[w[r].length];
        }
        int[] choice = new int[n];
        double total = enumerate(0, 0L, 1.0, w, local, choice, beta, betaMiss);
        for (int r = 0; r < n; r++) {
            betaMiss[r] /= total;
            for (int e = 0; e < beta[r].length; e++) {
                beta[r][e] /= total;
            }
        }
    }

    private static double enumerate(int r, long used, double product, double[][] w, int[][] local, int[] choice,
                                    double[][] beta, double[] betaMiss) {
        if (r == w.length) {
            for (int q = 0; q < w.length; q++) {
                if (choice[q] < 0) {
                    betaMiss[q] += product;
                } else {
                    beta[q][choice[q]] += product;
                }
            }
            return product;
        }
        choice[r] = -1;
        double total = enumerate(r + 1, used, product, w, local, choice, beta, betaMiss);
        for (int e = 0; e < w[r].length; e++) {
            long bit = 1L << local[r][e];
            if ((used & bit) == 0) {
                choice[r] = e;
                total += enumerate(r + 1, used | bit, product * w[r][e], w, local, choice, beta, betaMiss);
            }
        }
        choice[r] = -1;
        return total;
    }

    /**
     * For clusters too large to enumerate: the most likely joint event alone (weight 1), found by
     * 2-D assignment on the costs {@code -ln w_ij} (the miss weight is 1 after scaling), i.e.
     * global nearest neighbour within the cluster.
     */
    private static void mostLikely(double[][] w, int[][] local, int detections, double[][] beta, double[] betaMiss) {
        int n = w.length;
        double[][] cost = new double[n][detections + n];
        for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(cost[r], Double.POSITIVE_INFINITY);
            for (int e = 0; e < w[r].length; e++) {
                cost[r][local[r][e]] = -Math.log(w[r][e]);
            }
            cost[r][detections + r] = 0;
        }
        int[] a = LinearAssignment.solve(cost);
        for (int r = 0; r < n; r++) {
            beta[r] = new double[w[r].length];
            betaMiss[r] = 1;
            for (int e = 0; e < w[r].length; e++) {
                if (a[r] == local[r][e]) {
                    beta[r][e] = 1;
                    betaMiss[r] = 0;
                }
            }
        }
    }
}
