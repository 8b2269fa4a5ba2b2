package org.vigil.track.model;

import org.ejml.data.DMatrix6;
import org.ejml.data.DMatrix6x6;
import org.ejml.dense.fixed.CommonOps_DDF6;

/**
 * Nearly-constant velocity in three dimensions (white-noise acceleration, independent per axis),
 * for low drones and aircraft: state {@code [x, vx, y, vy, z, vz]} in a local east-north-up
 * plane, metres and m/s.
 *
 * <p>Per axis, with state {@code [p, v]}: {@code F = [[1, dt], [0, 1]]} and
 * {@code Q = q [[dt^3/3, dt^2/2], [dt^2/2, dt]]}; the horizontal axes share
 * {@code qHorizontalMetres2PerSecond3} and the vertical one has its own
 * {@code qVerticalMetres2PerSecond3} (vehicles and drones manoeuvre less in height than in the
 * plane). Block-diagonal, as Stone Soup's combined linear-Gaussian transition model of three
 * constant-velocity models.
 *
 * <p>In the tracker pipeline the model runs split by axis blocks, which is exact because it is
 * block-diagonal: the planar filters, gates and associators work on {@code [x, vx, y, vy]} under
 * {@link #horizontal()}, and {@link #predictVertical} / {@link #updateVertical} carry each track's
 * {@link VerticalState} (the geodetic tracker's air mode). {@link #predict} gives the full 6-state
 * Kalman prediction, against which the split is tested.
 *
 * @param qHorizontalMetres2PerSecond3 acceleration noise spectral density of x and y, m^2/s^3
 * @param qVerticalMetres2PerSecond3   acceleration noise spectral density of z, m^2/s^3
 */
public record NearlyConstantVelocity3d(double qHorizontalMetres2PerSecond3, double qVerticalMetres2PerSecond3) {

    public NearlyConstantVelocity3d {
        if (!(qHorizontalMetres2PerSecond3 >= 0) || !(qVerticalMetres2PerSecond3 >= 0)) {
            throw new IllegalArgumentException("q must be non-negative");
        }
    }

    /** The transition matrix {@code F(dt)}; {@code dtSeconds} may be negative (retrodiction). */
    public DMatrix6x6 transition(double dtSeconds) {
        DMatrix6x6 f = new DMatrix6x6();
        for (int axis = 0; axis < 3; axis++) {
            int p = 2 * axis;
            f.set(p, p, 1);
            f.set(p, p + 1, dtSeconds);
            f.set(p + 1, p + 1, 1);
        }
        return f;
    }

    /** The process noise covariance {@code Q(dt)}, for {@code |dtSeconds|}. */
    public DMatrix6x6 processNoise(double dtSeconds) {
        double dt = Math.abs(dtSeconds);
        DMatrix6x6 m = new DMatrix6x6();
        for (int axis = 0; axis < 3; axis++) {
            double q = axis < 2 ? qHorizontalMetres2PerSecond3 : qVerticalMetres2PerSecond3;
            int p = 2 * axis;
            m.set(p, p, q * dt * dt * dt / 3);
            m.set(p, p + 1, q * dt * dt / 2);
            m.set(p + 1, p, q * dt * dt / 2);
            m.set(p + 1, p + 1, q * dt);
        }
        return m;
    }

    /** The horizontal block: planar NCV with the horizontal {@code q}. */
    public NearlyConstantVelocity horizontal() {
        return new NearlyConstantVelocity(qHorizontalMetres2PerSecond3);
    }

    /** The vertical block of the Kalman prediction to {@code timeSeconds}. */
    public VerticalState predictVertical(VerticalState s, double timeSeconds) {
        double dt = timeSeconds - s.timeSeconds();
        if (dt == 0) {
            return s;
        }
        double adt = Math.abs(dt);
        double q = qVerticalMetres2PerSecond3;
        double pzz = s.pzz() + 2 * dt * s.pzv() + dt * dt * s.pvv() + q * adt * adt * adt / 3;
        double pzv = s.pzv() + dt * s.pvv() + q * adt * adt / 2;
        double pvv = s.pvv() + q * adt;
        return new VerticalState(timeSeconds, s.zMetres() + dt * s.vzMetresPerSecond(), s.vzMetresPerSecond(),
                pzz, pzv, pvv);
    }

    /**
     * The vertical block of the Kalman update with a reported height {@code zMetres} of variance
     * {@code heightVarianceM2} (H = [1, 0]): innovation {@code nu = z - z'}, {@code S = Pzz + R},
     * gain {@code K = [Pzz, Pzv] / S}.
     */
    public VerticalState updateVertical(VerticalState predicted, double zMetres, double heightVarianceM2) {
        double s = predicted.pzz() + heightVarianceM2;
        double kz = predicted.pzz() / s, kv = predicted.pzv() / s;
        double nu = zMetres - predicted.zMetres();
        double pzz = (1 - kz) * predicted.pzz();
        double pzv = (1 - kz) * predicted.pzv();
        double pvv = predicted.pvv() - kv * predicted.pzv();
        return new VerticalState(predicted.timeSeconds(), predicted.zMetres() + kz * nu,
                predicted.vzMetresPerSecond() + kv * nu, pzz, pzv, pvv);
    }

    /** Kalman prediction {@code m' = F m}, {@code P' = F P F^T + Q}: returns {@code meanOut}, {@code covarianceOut} filled. */
    public void predict(DMatrix6 mean, DMatrix6x6 covariance, double dtSeconds, DMatrix6 meanOut, DMatrix6x6 covarianceOut) {
        DMatrix6x6 f = transition(dtSeconds);
        CommonOps_DDF6.mult(f, mean, meanOut);
        DMatrix6x6 fp = new DMatrix6x6();
        CommonOps_DDF6.mult(f, covariance, fp);
        DMatrix6x6 q = processNoise(dtSeconds);
        CommonOps_DDF6.multTransB(fp, f, covarianceOut);
        CommonOps_DDF6.addEquals(covarianceOut, q);
    }
}
