package org.vigil.track.model;

/**
 * The vertical block {@code [z, vz]} of a 3D nearly-constant-velocity state, in the local
 * east-north-up frame: height (m, up) and vertical speed (m/s) with their covariance.
 *
 * <p>Under {@link NearlyConstantVelocity3d} the transition and process noise are block-diagonal
 * per axis, and a position report whose error covariance has no horizontal-vertical terms
 * (a horizontal 2x2 block and a height variance, as sensors report) keeps the Kalman gain
 * block-diagonal too. The 6-state filter therefore splits exactly into the planar filter on
 * {@code [x, vx, y, vy]} and this 2-state filter; the tracker runs them side by side.
 *
 * @param timeSeconds       time of the estimate, s
 * @param zMetres           height, m
 * @param vzMetresPerSecond vertical speed, m/s (up positive)
 * @param pzz               height variance, m^2
 * @param pzv               height-speed covariance, m^2/s
 * @param pvv               vertical speed variance, m^2/s^2
 */
public record VerticalState(double timeSeconds, double zMetres, double vzMetresPerSecond, double pzz, double pzv,
                            double pvv) {

    public VerticalState {
        if (!(pzz > 0) || !(pvv > 0) || pzz * pvv - pzv * pzv < 0) {
            throw new IllegalArgumentException("vertical covariance is not positive definite");
        }
    }

    /** A first estimate from one height report: vertical speed zero with std {@code vzSigmaMetresPerSecond}. */
    public static VerticalState fromHeight(double timeSeconds, double zMetres, double heightVarianceM2,
                                           double vzSigmaMetresPerSecond) {
        return new VerticalState(timeSeconds, zMetres, 0, heightVarianceM2, 0,
                vzSigmaMetresPerSecond * vzSigmaMetresPerSecond);
    }

    /** Height standard deviation, m. */
    public double zSigmaMetres() {
        return Math.sqrt(pzz);
    }
}
