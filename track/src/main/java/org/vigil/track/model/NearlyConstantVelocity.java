package org.vigil.track.model;

import org.ejml.data.DMatrix4;
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

    /**
     * The Kalman prediction {@code F m}, {@code F P F^T + Q} to {@code timeSeconds} without forming
     * {@code F}: with {@code F = I + dt E} ({@code E} moves each velocity into its position), the
     * product is two row and two column shears, 24 multiply-adds instead of the 128 of two dense
     * 4x4 products. The tracker predicts every track at every frame, so this is its hottest
     * arithmetic, and the fewer operations also shorten the interpreted start of a cold run.
     */
    public GaussianState predict(GaussianState prior, double timeSeconds) {
        double dt = timeSeconds - prior.timeSeconds();
        if (dt == 0) {
            return prior;
        }
        DMatrix4 m = prior.mean();
        DMatrix4 mean = new DMatrix4(m.a1 + dt * m.a2, m.a2, m.a3 + dt * m.a4, m.a4);
        DMatrix4x4 p = prior.covariance();
        // rows: position rows gain dt times their velocity rows
        double b11 = p.a11 + dt * p.a21, b12 = p.a12 + dt * p.a22, b13 = p.a13 + dt * p.a23, b14 = p.a14 + dt * p.a24;
        double b31 = p.a31 + dt * p.a41, b32 = p.a32 + dt * p.a42, b33 = p.a33 + dt * p.a43, b34 = p.a34 + dt * p.a44;
        DMatrix4x4 c = processNoise(dt);
        // columns: position columns gain dt times their velocity columns; then add Q
        c.a11 += b11 + dt * b12;
        c.a12 += b12;
        c.a13 += b13 + dt * b14;
        c.a14 += b14;
        c.a21 += p.a21 + dt * p.a22;
        c.a22 += p.a22;
        c.a23 += p.a23 + dt * p.a24;
        c.a24 += p.a24;
        c.a31 += b31 + dt * b32;
        c.a32 += b32;
        c.a33 += b33 + dt * b34;
        c.a34 += b34;
        c.a41 += p.a41 + dt * p.a42;
        c.a42 += p.a42;
        c.a43 += p.a43 + dt * p.a44;
        c.a44 += p.a44;
        return new GaussianState(mean, c, timeSeconds);
    }
}
