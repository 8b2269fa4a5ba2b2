package org.vigil.track.update;

import org.ejml.data.DMatrix3x3;
import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.RangeRate;
import org.vigil.track.model.StateEstimate;

/**
 * Extended Kalman update for GMTI reports: position {@code (x, y)} plus range-rate
 * {@code rdot = (dx dvx + dy dvy) / r}, where {@code (dx, dy)} and {@code (dvx, dvy)} are the
 * target's position and velocity relative to the sensor and {@code r = |(dx, dy)|}.
 *
 * <p>The range-rate row of the Jacobian {@code H} at the predicted mean is
 * {@code [dvx/r - rdot dx/r^2, dx/r, dvy/r - rdot dy/r^2, dy/r]}; then {@code S = H P H^T + R}
 * with {@code R = diag(position covariance, sigma_rdot^2)}, {@code K = P H^T S^-1},
 * {@code m' = m + K (z - h(m))}, {@code P' = P - K S K^T}. Detections without a range-rate get
 * the linear {@link KalmanUpdater} update.
 */
public final class ExtendedKalmanUpdater implements Updater {

    /** Closer than this to the sensor the range-rate is ill-defined and is ignored, m. */
    private static final double MIN_RANGE_METRES = 1.0;

    private final KalmanUpdater linear = new KalmanUpdater();

    @Override
    public Innovation innovation(StateEstimate predicted, Detection d) {
        Linearisation l = linearise(predicted.gaussian(), d);
        if (l == null) {
            return linear.innovation(predicted, d);
        }
        double d2 = quadratic(l.sInverse, l.nu);
        return Innovation.of(d2, Math.log(l.detS), 3);
    }

    @Override
    public GaussianState update(StateEstimate predicted, Detection d) {
        if (!(predicted instanceof GaussianState g)) {
            throw new IllegalArgumentException("ExtendedKalmanUpdater needs a GaussianState");
        }
        Linearisation l = linearise(g, d);
        if (l == null) {
            return KalmanUpdater.update(g, d);
        }
        // K = P H^T S^-1 (4x3)
        double[][] k = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int m = 0; m < 3; m++) {
                    s += l.pht[i][m] * l.sInverse.get(m, j);
                }
                k[i][j] = s;
            }
        }
        DMatrix4 mean = new DMatrix4(g.mean());
        for (int i = 0; i < 4; i++) {
            double dm = 0;
            for (int j = 0; j < 3; j++) {
                dm += k[i][j] * l.nu[j];
            }
            mean.set(i, 0, mean.get(i, 0) + dm);
        }
        DMatrix4x4 p = g.covariance();
        DMatrix4x4 cov = new DMatrix4x4();
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                double ksk = 0; // K S K^T = K (P H^T)^T
                for (int m = 0; m < 3; m++) {
                    ksk += k[i][m] * l.pht[j][m];
                }
                double v = p.get(i, j) - ksk;
                cov.set(i, j, v);
                cov.set(j, i, v);
            }
        }
        return new GaussianState(mean, cov, g.timeSeconds());
    }

    @Override
    public StateEstimate updateMixture(StateEstimate predicted, Detection[] detections, double[] weights, double missWeight) {
        return KalmanUpdater.mixture(this, predicted, detections, weights, missWeight);
    }

    /** Innovation, {@code P H^T} and {@code S^-1} at the predicted mean; null without a usable range-rate. */
    private static Linearisation linearise(GaussianState g, Detection d) {
        RangeRate rr = d.rangeRate();
        if (rr == null) {
            return null;
        }
        DMatrix4 m = g.mean();
        double dx = m.a1 - rr.sensorXMetres(), dy = m.a3 - rr.sensorYMetres();
        double dvx = m.a2 - rr.sensorVxMetresPerSecond(), dvy = m.a4 - rr.sensorVyMetresPerSecond();
        double r = Math.hypot(dx, dy);
        if (r < MIN_RANGE_METRES) {
            return null;
        }
        double rdot = (dx * dvx + dy * dvy) / r;
        double[][] h = {
                {1, 0, 0, 0},
                {0, 0, 1, 0},
                {dvx / r - rdot * dx / (r * r), dx / r, dvy / r - rdot * dy / (r * r), dy / r}};
        DMatrix4x4 p = g.covariance();
        double[][] pht = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int c = 0; c < 4; c++) {
                    s += p.get(i, c) * h[j][c];
                }
                pht[i][j] = s;
            }
        }
        DMatrix3x3 s = new DMatrix3x3();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int c = 0; c < 4; c++) {
                    v += h[i][c] * pht[c][j];
                }
                s.set(i, j, v);
            }
        }
        s.a11 += d.varianceXxM2();
        s.a12 += d.covarianceXyM2();
        s.a21 += d.covarianceXyM2();
        s.a22 += d.varianceYyM2();
        s.a33 += rr.sigmaMetresPerSecond() * rr.sigmaMetresPerSecond();
        double detS = CommonOps_DDF3.det(s);
        DMatrix3x3 sInverse = new DMatrix3x3();
        if (!(detS > 0) || !CommonOps_DDF3.invert(s, sInverse)) {
            return null;
        }
        double[] nu = {d.xMetres() - m.a1, d.yMetres() - m.a3, rr.metresPerSecond() - rdot};
        return new Linearisation(nu, pht, sInverse, detS);
    }

    private static double quadratic(DMatrix3x3 a, double[] v) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s += v[i] * a.get(i, j) * v[j];
            }
        }
        return s;
    }

    private record Linearisation(double[] nu, double[][] pht, DMatrix3x3 sInverse, double detS) {
    }
}
