package org.vigil.track.initiate;

import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;

/**
 * Starts a track at one detection: mean {@code [x, 0, y, 0]}, position covariance the
 * detection's own, velocity zero-mean with standard deviation {@code velocitySigmaMetresPerSecond}
 * per axis, uncorrelated with position. The next detection then fixes the velocity, which is the
 * two-point difference weighted by the Kalman gain.
 *
 * @param velocitySigmaMetresPerSecond prior velocity standard deviation per axis, m/s (about the
 *                                     expected speed of the targets)
 */
public record SinglePointInitiator(double velocitySigmaMetresPerSecond) implements Initiator {

    public SinglePointInitiator {
        if (!(velocitySigmaMetresPerSecond > 0)) {
            throw new IllegalArgumentException("velocity sigma must be positive");
        }
    }

    @Override
    public GaussianState initiate(Detection d) {
        double vv = velocitySigmaMetresPerSecond * velocitySigmaMetresPerSecond;
        DMatrix4x4 p = new DMatrix4x4();
        p.a11 = d.varianceXxM2();
        p.a13 = d.covarianceXyM2();
        p.a31 = d.covarianceXyM2();
        p.a33 = d.varianceYyM2();
        p.a22 = vv;
        p.a44 = vv;
        return new GaussianState(new DMatrix4(d.xMetres(), 0, d.yMetres(), 0), p, d.timeSeconds());
    }
}
