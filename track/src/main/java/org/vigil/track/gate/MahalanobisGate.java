package org.vigil.track.gate;

import java.util.List;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.StateEstimate;
import org.vigil.track.update.Innovation;
import org.vigil.track.update.Updater;

/**
 * Chi-square gate: a detection may come from a track when its squared Mahalanobis distance
 * {@code nu^T S^-1 nu} is at most the {@code gateProbability} quantile of the chi-square
 * distribution with as many degrees of freedom as the measurement has (2 for position, 3 with
 * range-rate), so a true detection falls outside with probability {@code 1 - gateProbability}.
 *
 * <p>Only detections in the grid cells that the gate ellipse's bounding square can reach are
 * tested: its half-side is {@code sqrt(gamma_2 (lambda_max(P_pos) + largest detection variance))},
 * capped at {@code maxGateRadiusMetres}, which also bounds the gates of lost or newborn tracks.
 */
public final class MahalanobisGate implements Gate {

    private final Updater updater;
    private final double threshold2;
    private final double threshold3;
    private final double maxGateRadiusMetres;
    private final double cellMetres;

    /**
     * @param updater             computes the innovations
     * @param gateProbability     probability that a true detection passes the gate, e.g. 0.9999
     * @param maxGateRadiusMetres largest distance searched from a track's predicted position, m
     * @param cellMetres          side of the spatial index cells, m (about the typical gate radius)
     */
    public MahalanobisGate(Updater updater, double gateProbability, double maxGateRadiusMetres, double cellMetres) {
        if (!(maxGateRadiusMetres > 0)) {
            throw new IllegalArgumentException("gate radius must be positive");
        }
        this.updater = updater;
        this.threshold2 = ChiSquare.quantile(2, gateProbability);
        this.threshold3 = ChiSquare.quantile(3, gateProbability);
        this.maxGateRadiusMetres = maxGateRadiusMetres;
        this.cellMetres = cellMetres;
    }

    /** The gate threshold on the squared Mahalanobis distance for a measurement of {@code dimension}. */
    public double threshold(int dimension) {
        return dimension == 2 ? threshold2 : threshold3;
    }

    @Override
    public Hypotheses gate(List<? extends StateEstimate> predicted, List<Detection> detections) {
        int tracks = predicted.size();
        int[] start = new int[tracks + 1];
        if (detections.isEmpty() || tracks == 0) {
            return new Hypotheses(start, new int[0], new double[0], new double[0]);
        }
        double maxVariance = 0;
        for (Detection d : detections) {
            maxVariance = Math.max(maxVariance, Math.max(d.varianceXxM2(), d.varianceYyM2()) + Math.abs(d.covarianceXyM2()));
        }
        DetectionGrid grid = new DetectionGrid(detections, cellMetres);
        Buffer out = new Buffer(Math.max(16, detections.size() * 2));
        Candidates candidates = new Candidates(detections, out, maxGateRadiusMetres * maxGateRadiusMetres);
        for (int i = 0; i < tracks; i++) {
            StateEstimate state = predicted.get(i);
            GaussianState g = state.gaussian();
            double sigma = g.positionMajorSigmaMetres();
            double radius = Math.min(maxGateRadiusMetres, Math.sqrt(threshold2 * (sigma * sigma + maxVariance)));
            candidates.track(state, g.xMetres(), g.yMetres());
            grid.near(g.xMetres(), g.yMetres(), radius, candidates);
            start[i + 1] = out.size;
        }
        return new Hypotheses(start, java.util.Arrays.copyOf(out.detection, out.size),
                java.util.Arrays.copyOf(out.d2, out.size), java.util.Arrays.copyOf(out.logDensity, out.size));
    }

    /**
     * Tests the detections the grid offers against one track at a time: within the largest
     * radius, then inside the chi-square gate. One per {@link #gate} call, pointed at each track
     * in turn, rather than a capturing lambda per track.
     */
    private final class Candidates implements DetectionGrid.IntVisitor {
        private final List<Detection> detections;
        private final Buffer out;
        private final double maxRadius2;
        private StateEstimate state;
        private double cx, cy;

        Candidates(List<Detection> detections, Buffer out, double maxRadius2) {
            this.detections = detections;
            this.out = out;
            this.maxRadius2 = maxRadius2;
        }

        void track(StateEstimate predicted, double xMetres, double yMetres) {
            this.state = predicted;
            this.cx = xMetres;
            this.cy = yMetres;
        }

        @Override
        public void visit(int j) {
            Detection d = detections.get(j);
            double dx = d.xMetres() - cx, dy = d.yMetres() - cy;
            if (dx * dx + dy * dy > maxRadius2) {
                return;
            }
            Innovation nu = updater.innovation(state, d);
            if (nu.mahalanobisSquared() <= threshold(nu.dimension())) {
                out.add(j, nu.mahalanobisSquared(), nu.logDensity());
            }
        }
    }

    /** Growable parallel arrays of gated pairs. */
    private static final class Buffer {
        int size;
        int[] detection;
        double[] d2;
        double[] logDensity;

        Buffer(int capacity) {
            detection = new int[capacity];
            d2 = new double[capacity];
            logDensity = new double[capacity];
        }

        void add(int j, double mahalanobisSquared, double logDens) {
            if (size == detection.length) {
                int c = size * 2;
                detection = java.util.Arrays.copyOf(detection, c);
                d2 = java.util.Arrays.copyOf(d2, c);
                logDensity = java.util.Arrays.copyOf(logDensity, c);
            }
            detection[size] = j;
            d2[size] = mahalanobisSquared;
            logDensity[size] = logDens;
            size++;
        }
    }
}
