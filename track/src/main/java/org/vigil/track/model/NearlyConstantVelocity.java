package org.vigil.track.model;

import org.ejml.data.DMatrix4x4;

/**
 * Nearly-constant velocity (white-noise acceleration) in the plane, independent per axis.
 *
 * <p>Per axis, with state {@code [p, v]}: {@code F = [[1, dt], [0, 1]]} and
 * {@code Q = q [[dt^3/3, dt^2/2], [dt^2/2, dt]]}, where {@code q} is the power spectral density of
 * the continuous white acceleration (m^2/s^3). The same {@code q} as the scenario generator's
 * makes the filter the optimal linear estimator for its free targets.
 *
 * @param qMetres2PerSecond3 acceleration noise spectral density per axis, m^2/s^3
 */
public record NearlyConstantVelocity(double qMetres2PerSecond3) implements MotionModel {

    public NearlyConstantVelocity {
        if (!(qMetres2PerSecond3 >= 0)) {
            throw new IllegalArgumentException("q must be non-negative: " + qMetres2PerSecond3);
        }
    }

    @Override
    public DMatrix4x4 transition(double dtSeconds) {
        DMatrix4x4 f = new DMatrix4x4();
        f.a11 = 1;
        f.a12 = dtSeconds;
        f.a22 = 1;
        f.a33 = 1;
        f.a34 = dtSeconds;
        f.a44 = 1;
        return f;
    }

    @Override
    public DMatrix4x4 processNoise(double dtSeconds) {
        double dt = Math.abs(dtSeconds);
        double q = qMetres2PerSecond3;
        double pp = q * dt * dt * dt / 3, pv = q * dt * dt / 2, vv = q * dt;
        DMatrix4x4 m = new DMatrix4x4();
        m.a11 = pp;
        m.a12 = pv;
        m.a21 = pv;
        m.a22 = vv;
        m.a33 = pp;
        m.a34 = pv;
        m.a43 = pv;
        m.a44 = vv;
        return m;
    }
}
