package org.vigil.track.predict;

import org.ejml.simple.SimpleMatrix;
import org.vigil.track.model.VerticalState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrix6;
import org.ejml.data.DMatrix6x6;
import org.junit.jupiter.api.Test;
import org.vigil.track.model.NearlyConstantVelocity3d;

/** The 3D NCV model: one prediction step checked by hand. */
class NearlyConstantVelocity3dTest {

    @Test
    void predictionStepByHand() {
        NearlyConstantVelocity3d m = new NearlyConstantVelocity3d(0.6, 0.3);
        DMatrix6 mean = new DMatrix6(0, 10, 5, -2, 100, 1);
        DMatrix6x6 p = new DMatrix6x6();
        for (int i = 0; i < 6; i++) {
            p.set(i, i, i % 2 == 0 ? 100 : 4);
        }
        DMatrix6 mOut = new DMatrix6();
        DMatrix6x6 pOut = new DMatrix6x6();
        m.predict(mean, p, 2, mOut, pOut);
        // positions move by v dt: x = 20, y = 1, z = 102
        assertThat(mOut.a1).isCloseTo(20, within(1e-12));
        assertThat(mOut.a3).isCloseTo(1, within(1e-12));
        assertThat(mOut.a5).isCloseTo(102, within(1e-12));
        // Pxx = 100 + dt^2 * 4 + q dt^3 / 3 = 100 + 16 + 0.6 * 8 / 3 = 117.6
        assertThat(pOut.get(0, 0)).isCloseTo(117.6, within(1e-12));
        // Pxv = dt * 4 + q dt^2 / 2 = 8 + 1.2 = 9.2; Pvv = 4 + q dt = 5.2
        assertThat(pOut.get(0, 1)).isCloseTo(9.2, within(1e-12));
        assertThat(pOut.get(1, 1)).isCloseTo(5.2, within(1e-12));
        // vertical uses its own q: Pzz = 100 + 16 + 0.3 * 8 / 3 = 116.8, Pvz = 4 + 0.6
        assertThat(pOut.get(4, 4)).isCloseTo(116.8, within(1e-12));
        assertThat(pOut.get(5, 5)).isCloseTo(4.6, within(1e-12));
        // axes stay independent
        assertThat(pOut.get(0, 4)).isZero();
        assertThat(pOut.get(1, 2)).isZero();
    }

    /**
     * The vertical channel by hand: prior z = 100, vz = 1, Pzz = 100, Pzv = 0, Pvv = 4, q = 0.3,
     * dt = 2. Predicted: z = 102, Pzz = 100 + 4 * 4 + 0.3 * 8 / 3 = 116.8, Pzv = 2 * 4 + 0.3 * 4 / 2
     * = 8.6, Pvv = 4 + 0.6 = 4.6. Update with z = 110, R = 33.2: S = 150, Kz = 116.8 / 150,
     * Kv = 8.6 / 150, nu = 8: z = 102 + 8 * 116.8 / 150 = 108.229333..., vz = 1 + 8 * 8.6 / 150 =
     * 1.458666..., Pzz = (1 - Kz) 116.8 = 25.851733..., Pvv = 4.6 - 8.6^2 / 150 = 4.106933...
     */
    @Test
    void verticalStepByHand() {
        NearlyConstantVelocity3d m = new NearlyConstantVelocity3d(0.6, 0.3);
        VerticalState prior = new VerticalState(10, 100, 1, 100, 0, 4);
        VerticalState p = m.predictVertical(prior, 12);
        assertThat(p.zMetres()).isCloseTo(102, within(1e-12));
        assertThat(p.pzz()).isCloseTo(116.8, within(1e-12));
        assertThat(p.pzv()).isCloseTo(8.6, within(1e-12));
        assertThat(p.pvv()).isCloseTo(4.6, within(1e-12));
        VerticalState u = m.updateVertical(p, 110, 33.2);
        assertThat(u.zMetres()).isCloseTo(102 + 8 * 116.8 / 150, within(1e-12));
        assertThat(u.vzMetresPerSecond()).isCloseTo(1 + 8 * 8.6 / 150, within(1e-12));
        assertThat(u.pzz()).isCloseTo((1 - 116.8 / 150) * 116.8, within(1e-12));
        assertThat(u.pzv()).isCloseTo((1 - 116.8 / 150) * 8.6, within(1e-12));
        assertThat(u.pvv()).isCloseTo(4.6 - 8.6 * 8.6 / 150, within(1e-12));
    }

    /**
     * The split filter (planar NCV on [x, vx, y, vy] plus the vertical channel) equals the full
     * 6-state Kalman filter with H selecting x, y, z and a block-diagonal R, over several steps.
     */
    @Test
    void theSplitFilterEqualsTheSixStateFilter() {
        NearlyConstantVelocity3d m = new NearlyConstantVelocity3d(0.5, 0.2);
        SimpleMatrix x = new SimpleMatrix(6, 1, true, 10, 3, -20, 1, 300, -0.5);
        SimpleMatrix p = SimpleMatrix.diag(400, 25, 400, 25, 100, 4);
        org.ejml.data.DMatrix4x4 p4 = new org.ejml.data.DMatrix4x4();
        p4.a11 = 400;
        p4.a22 = 25;
        p4.a33 = 400;
        p4.a44 = 25;
        org.vigil.track.model.GaussianState planar = new org.vigil.track.model.GaussianState(
                new org.ejml.data.DMatrix4(10, 3, -20, 1), p4, 0);
        VerticalState v = new VerticalState(0, 300, -0.5, 100, 0, 4);
        org.vigil.track.update.KalmanUpdater updater = new org.vigil.track.update.KalmanUpdater();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        SimpleMatrix h = new SimpleMatrix(3, 6);
        h.set(0, 0, 1);
        h.set(1, 2, 1);
        h.set(2, 4, 1);
        double t = 0;
        for (int k = 0; k < 5; k++) {
            double dt = 0.5 + k;
            t += dt;
            org.ejml.data.DMatrix6x6 f6 = m.transition(dt), q6 = m.processNoise(dt);
            SimpleMatrix fm = new SimpleMatrix(6, 6), qm = new SimpleMatrix(6, 6);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    fm.set(i, j, f6.get(i, j));
                    qm.set(i, j, q6.get(i, j));
                }
            }
            x = fm.mult(x);
            p = fm.mult(p).mult(fm.transpose()).plus(qm);
            double cxx = 90 + 10 * k, cxy = 12, cyy = 60, rz = 49;
            SimpleMatrix r = new SimpleMatrix(3, 3, true, cxx, cxy, 0, cxy, cyy, 0, 0, 0, rz);
            double zx = x.get(0) + 10 * rng.nextGaussian(), zy = x.get(2) + 10 * rng.nextGaussian(), zz = x.get(4) + 7 * rng.nextGaussian();
            SimpleMatrix s = h.mult(p).mult(h.transpose()).plus(r);
            SimpleMatrix gain = p.mult(h.transpose()).mult(s.invert());
            x = x.plus(gain.mult(new SimpleMatrix(3, 1, true, zx, zy, zz).minus(h.mult(x))));
            p = SimpleMatrix.identity(6).minus(gain.mult(h)).mult(p);

            planar = org.vigil.track.predict.KalmanPredictor.predict(planar, t, m.horizontal());
            planar = (org.vigil.track.model.GaussianState) updater.update(planar,
                    new org.vigil.track.model.Detection(t, 1, zx, zy, cxx, cxy, cyy, null));
            v = m.updateVertical(m.predictVertical(v, t), zz, rz);
        }
        assertThat(planar.xMetres()).isCloseTo(x.get(0), within(1e-9));
        assertThat(planar.vxMetresPerSecond()).isCloseTo(x.get(1), within(1e-9));
        assertThat(planar.yMetres()).isCloseTo(x.get(2), within(1e-9));
        assertThat(planar.vyMetresPerSecond()).isCloseTo(x.get(3), within(1e-9));
        assertThat(v.zMetres()).isCloseTo(x.get(4), within(1e-9));
        assertThat(v.vzMetresPerSecond()).isCloseTo(x.get(5), within(1e-9));
        assertThat(v.pzz()).isCloseTo(p.get(4, 4), within(1e-9));
        assertThat(v.pzv()).isCloseTo(p.get(4, 5), within(1e-9));
        assertThat(v.pvv()).isCloseTo(p.get(5, 5), within(1e-9));
        assertThat(planar.covariance().a11).isCloseTo(p.get(0, 0), within(1e-9));
        assertThat(planar.covariance().a13).isCloseTo(p.get(0, 2), within(1e-9));
        assertThat(p.get(0, 4)).isCloseTo(0, within(1e-12));
    }
}
