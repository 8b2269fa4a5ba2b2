package org.vigil.track.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.junit.jupiter.api.Test;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.NearlyConstantVelocity;
import org.vigil.track.update.Innovation;
import org.vigil.track.update.KalmanUpdater;

/** One Kalman predict and update step, checked against values computed by hand. */
class KalmanStepTest {

    private static final double EPS = 1e-9;

    private static GaussianState prior() {
        DMatrix4x4 p = new DMatrix4x4();
        p.a11 = 100;
        p.a22 = 25;
        p.a33 = 100;
        p.a44 = 25;
        return new GaussianState(new DMatrix4(0, 1, 0, 0), p, 0);
    }

    @Test
    void predictWithoutProcessNoiseMovesTheMeanAndShearsTheCovariance() {
        GaussianState g = new KalmanPredictor(new NearlyConstantVelocity(0)).predict(prior(), 1.0);
        // x = 0 + 1*1; P = F P F^T: Pxx = 100 + 25, Pxv = 25, Pvv = 25
        assertThat(g.xMetres()).isCloseTo(1, within(EPS));
        assertThat(g.covariance().a11).isCloseTo(125, within(EPS));
        assertThat(g.covariance().a12).isCloseTo(25, within(EPS));
        assertThat(g.covariance().a21).isCloseTo(25, within(EPS));
        assertThat(g.covariance().a22).isCloseTo(25, within(EPS));
        assertThat(g.covariance().a13).isCloseTo(0, within(EPS));
        assertThat(g.timeSeconds()).isEqualTo(1.0);
    }

    @Test
    void processNoiseIsTheWhiteAccelerationIntegral() {
        // q = 0.05, dt = 2: q dt^3/3 = 0.13333, q dt^2/2 = 0.1, q dt = 0.1
        GaussianState g = new KalmanPredictor(new NearlyConstantVelocity(0.05)).predict(prior(), 2.0);
        assertThat(g.covariance().a11).isCloseTo(100 + 4 * 25 + 0.4 / 3, within(EPS));
        assertThat(g.covariance().a12).isCloseTo(2 * 25 + 0.1, within(EPS));
        assertThat(g.covariance().a22).isCloseTo(25 + 0.1, within(EPS));
        assertThat(g.covariance().a33).isCloseTo(100 + 4 * 25 + 0.4 / 3, within(EPS));
    }

    @Test
    void updateByHand() {
        GaussianState predicted = new KalmanPredictor(new NearlyConstantVelocity(0)).predict(prior(), 1.0);
        Detection z = Detection.position(1.0, 1, 11, 0, 5);
        // x axis: S = 125 + 25 = 150, K = [125, 25] / 150, nu = 10
        GaussianState g = new KalmanUpdater().update(predicted, z);
        assertThat(g.xMetres()).isCloseTo(1 + 10 * 125.0 / 150, within(EPS));
        assertThat(g.vxMetresPerSecond()).isCloseTo(1 + 10 * 25.0 / 150, within(EPS));
        assertThat(g.covariance().a11).isCloseTo(125 - 125.0 * 125 / 150, within(EPS));
        assertThat(g.covariance().a12).isCloseTo(25 - 125.0 * 25 / 150, within(EPS));
        assertThat(g.covariance().a21).isCloseTo(g.covariance().a12, within(EPS));
        assertThat(g.covariance().a22).isCloseTo(25 - 25.0 * 25 / 150, within(EPS));
        // y axis: nu = 0, same gains
        assertThat(g.yMetres()).isCloseTo(0, within(EPS));
        assertThat(g.covariance().a33).isCloseTo(125 - 125.0 * 125 / 150, within(EPS));
        Innovation nu = new KalmanUpdater().innovation(predicted, z);
        assertThat(nu.mahalanobisSquared()).isCloseTo(100.0 / 150, within(EPS));
        // ln N = -0.5 (d2 + ln det S + 2 ln 2 pi), det S = 150^2
        assertThat(nu.logDensity()).isCloseTo(-0.5 * (100.0 / 150 + Math.log(150.0 * 150) + 2 * Math.log(2 * Math.PI)), within(EPS));
    }

    @Test
    void correlatedMeasurementNoiseUsesTheFullInverse() {
        DMatrix4x4 p = new DMatrix4x4();
        p.a11 = 1;
        p.a33 = 1;
        p.a22 = 1;
        p.a44 = 1;
        GaussianState g = new GaussianState(new DMatrix4(0, 0, 0, 0), p, 0);
        // R = [[1, 0.5], [0.5, 1]] -> S = [[2, 0.5], [0.5, 2]], det 3.75, S^-1 = [[2, -0.5], [-0.5, 2]] / 3.75
        Detection z = new Detection(0, 1, 1, 1, 1, 0.5, 1, null);
        Innovation nu = new KalmanUpdater().innovation(g, z);
        assertThat(nu.mahalanobisSquared()).isCloseTo((2 - 0.5 - 0.5 + 2) / 3.75, within(EPS));
        // K = P H^T S^-1 = S^-1 on the position rows; x' = K nu = (2 - 0.5) / 3.75 each
        GaussianState post = new KalmanUpdater().update(g, z);
        assertThat(post.xMetres()).isCloseTo(1.5 / 3.75, within(EPS));
        assertThat(post.yMetres()).isCloseTo(1.5 / 3.75, within(EPS));
    }

    /** The NCV model's structured prediction equals the dense F P F^T + Q on random covariances and steps. */
    @Test
    void structuredPredictionEqualsTheDenseProduct() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        NearlyConstantVelocity ncv = new NearlyConstantVelocity(0.7);
        for (int trial = 0; trial < 200; trial++) {
            org.ejml.data.DMatrix4x4 a = new org.ejml.data.DMatrix4x4();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    a.set(i, j, rng.nextDouble(-10, 10));
                }
            }
            org.ejml.data.DMatrix4x4 p = new org.ejml.data.DMatrix4x4();
            org.ejml.dense.fixed.CommonOps_DDF4.multTransB(a, a, p); // A A^T: symmetric, positive semi-definite
            GaussianState prior = new GaussianState(new org.ejml.data.DMatrix4(rng.nextDouble(-1e4, 1e4),
                    rng.nextDouble(-30, 30), rng.nextDouble(-1e4, 1e4), rng.nextDouble(-30, 30)), p, 5);
            double t = 5 + rng.nextDouble(-3, 10);
            double dt = t - 5;
            org.ejml.data.DMatrix4x4 f = ncv.transition(dt), fp = new org.ejml.data.DMatrix4x4();
            org.ejml.data.DMatrix4x4 dense = ncv.processNoise(dt);
            org.ejml.dense.fixed.CommonOps_DDF4.mult(f, p, fp);
            org.ejml.dense.fixed.CommonOps_DDF4.multAddTransB(fp, f, dense);
            GaussianState g = ncv.predict(prior, t);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertThat(g.covariance().get(i, j)).isCloseTo(dense.get(i, j), within(1e-9 * (1 + Math.abs(dense.get(i, j)))));
                }
            }
            assertThat(g.xMetres()).isCloseTo(prior.xMetres() + dt * prior.vxMetresPerSecond(), within(1e-9));
            assertThat(g.yMetres()).isCloseTo(prior.yMetres() + dt * prior.vyMetresPerSecond(), within(1e-9));
        }
    }
}
