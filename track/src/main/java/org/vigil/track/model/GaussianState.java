package org.vigil.track.model;

import java.util.List;
import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.ejml.dense.fixed.CommonOps_DDF4;

/**
 * A Gaussian estimate of a ground target's kinematic state {@code [x, vx, y, vy]} in the local
 * plane: positions in metres (x east, y north), velocities in m/s.
 *
 * <p>Value object: the matrices are never changed after construction (every filter step makes
 * new ones), so callers must not change the ones they get either.
 *
 * @param mean        state mean {@code [x, vx, y, vy]}
 * @param covariance  state covariance, in the same order
 * @param timeSeconds time of validity, s
 */
public record GaussianState(DMatrix4 mean, DMatrix4x4 covariance, double timeSeconds) implements StateEstimate {

    /** East position, m. */
    public double xMetres() {
        return mean.a1;
    }

    /** North position, m. */
    public double yMetres() {
        return mean.a3;
    }

    /** East velocity, m/s. */
    public double vxMetresPerSecond() {
        return mean.a2;
    }

    /** North velocity, m/s. */
    public double vyMetresPerSecond() {
        return mean.a4;
    }

    /** Square root of the largest eigenvalue of the 2x2 position covariance, m. */
    public double positionMajorSigmaMetres() {
        double a = covariance.a11, b = covariance.a13, d = covariance.a33;
        double half = 0.5 * (a + d);
        double root = Math.sqrt(0.25 * (a - d) * (a - d) + b * b);
        return Math.sqrt(half + root);
    }

    @Override
    public GaussianState gaussian() {
        return this;
    }

    /** The moment-matched Gaussian of a weighted set of Gaussians (weights summing to 1). */
    public static GaussianState mixture(List<GaussianState> states, double[] weights) {
        DMatrix4 mean = new DMatrix4();
        for (int j = 0; j < states.size(); j++) {
            DMatrix4 m = states.get(j).mean();
            CommonOps_DDF4.addEquals(mean, scaled(weights[j], m));
        }
        DMatrix4x4 cov = new DMatrix4x4();
        DMatrix4 diff = new DMatrix4();
        for (int j = 0; j < states.size(); j++) {
            GaussianState s = states.get(j);
            CommonOps_DDF4.subtract(s.mean(), mean, diff);
            DMatrix4x4 term = new DMatrix4x4(s.covariance());
            CommonOps_DDF4.multAddOuter(1.0, term, 1.0, diff, diff, term);
            CommonOps_DDF4.scale(weights[j], term);
            CommonOps_DDF4.addEquals(cov, term);
        }
        return new GaussianState(mean, cov, states.get(0).timeSeconds());
    }

    private static DMatrix4 scaled(double w, DMatrix4 m) {
        DMatrix4 out = new DMatrix4();
        CommonOps_DDF4.scale(w, m, out);
        return out;
    }
}
