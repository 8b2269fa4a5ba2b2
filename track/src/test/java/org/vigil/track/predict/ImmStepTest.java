package org.vigil.track.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.junit.jupiter.api.Test;
import org.vigil.track.model.CoordinatedTurn;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.ImmState;
import org.vigil.track.model.MotionModel;
import org.vigil.track.model.NearlyConstantVelocity;
import org.vigil.track.update.ImmUpdater;
import org.vigil.track.update.KalmanUpdater;

/** One IMM mixing, prediction and update step, checked against values computed by hand. */
class ImmStepTest {

    private static final double EPS = 1e-9;
    /** Mean sojourn giving p_ii = 0.9 over 1 s. */
    private static final double TAU = -1 / Math.log(0.9);

    private static GaussianState at(double x, double vx, double y, double t) {
        DMatrix4x4 p = new DMatrix4x4();
        p.a11 = 1;
        p.a22 = 1;
        p.a33 = 1;
        p.a44 = 1;
        return new GaussianState(new DMatrix4(x, vx, y, 0), p, t);
    }

    @Test
    void transitionMatrixFromSojournTimes() {
        ImmPredictor imm = new ImmPredictor(List.of(new NearlyConstantVelocity(0), new NearlyConstantVelocity(0),
                new NearlyConstantVelocity(0)), new double[] {TAU, TAU, TAU}, new double[] {1, 0, 0});
        double[][] p = imm.transitionProbabilities(1);
        assertThat(p[0]).containsExactly(new double[] {0.9, 0.05, 0.05}, within(EPS));
        assertThat(imm.transitionProbabilities(2)[1][1]).isCloseTo(0.81, within(EPS));
    }

    @Test
    void mixingThenPrediction() {
        // two NCV modes (q = 0) so that only the mixing differs: A at x = 0, B at x = 10, both
        // vx = 1, P = I; mu = (0.8, 0.2); p = [[0.9, 0.1], [0.1, 0.9]]
        MotionModel ncv = new NearlyConstantVelocity(0);
        ImmPredictor predictor = new ImmPredictor(List.of(ncv, ncv), new double[] {TAU, TAU}, new double[] {0.5, 0.5});
        ImmState prior = new ImmState(List.of(at(0, 1, 0, 0), at(10, 1, 0, 0)), new double[] {0.8, 0.2});
        ImmState s = predictor.predict(prior, 1);
        // c_A = 0.9 * 0.8 + 0.1 * 0.2 = 0.74, c_B = 0.26
        assertThat(s.probability(0)).isCloseTo(0.74, within(EPS));
        assertThat(s.probability(1)).isCloseTo(0.26, within(EPS));
        // mu_(B|A) = 0.02 / 0.74: mixed x_A = 10 * 0.02 / 0.74; the spread of two points d apart
        // with weights w, 1-w adds w (1-w) d^2 = 0.72 * 0.02 / 0.74^2 * 100 to Pxx
        double xA = 10 * 0.02 / 0.74, pA = 1 + 0.72 * 0.02 / (0.74 * 0.74) * 100;
        double xB = 10 * 0.18 / 0.26, pB = 1 + 0.08 * 0.18 / (0.26 * 0.26) * 100;
        // then x' = x + vx dt, Pxx' = Pxx + Pvv (no cross terms, same velocities)
        assertThat(s.modes().get(0).xMetres()).isCloseTo(xA + 1, within(EPS));
        assertThat(s.modes().get(0).covariance().a11).isCloseTo(pA + 1, within(EPS));
        assertThat(s.modes().get(0).covariance().a12).isCloseTo(1, within(EPS));
        assertThat(s.modes().get(1).xMetres()).isCloseTo(xB + 1, within(EPS));
        assertThat(s.modes().get(1).covariance().a11).isCloseTo(pB + 1, within(EPS));
        assertThat(s.modes().get(1).covariance().a33).isCloseTo(2, within(EPS));
        assertThat(s.timeSeconds()).isEqualTo(1.0);
    }

    @Test
    void eachModeFollowsItsOwnModel() {
        // NCV and a coordinated turn of 0.1 rad/s from one lifted Gaussian heading east at 10 m/s
        double w = 0.1;
        ImmPredictor predictor = new ImmPredictor(List.of(new NearlyConstantVelocity(0), new CoordinatedTurn(w, 0)),
                new double[] {1e9, 1e9}, new double[] {0.5, 0.5});
        ImmState s = predictor.predict(at(0, 10, 0, 0), 2);
        assertThat(s.modes().get(0).xMetres()).isCloseTo(20, within(1e-6));
        // on the arc: x = v sin(w t) / w, y = v (1 - cos(w t)) / w, velocity turned by w t
        assertThat(s.modes().get(1).xMetres()).isCloseTo(10 * Math.sin(0.2) / w, within(1e-6));
        assertThat(s.modes().get(1).yMetres()).isCloseTo(10 * (1 - Math.cos(0.2)) / w, within(1e-6));
        assertThat(s.modes().get(1).vyMetresPerSecond()).isCloseTo(10 * Math.sin(0.2), within(1e-6));
        assertThat(s.probability(0)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void updateWeighsModesByTheirLikelihoods() {
        // modes at x = 0 and x = 2, P = I, R = I: S = 2 I for both; z = (0, 0)
        // L_A / L_B = exp(-0.5 * 0) / exp(-0.5 * 4 / 2) = e; mu = (0.5, 0.5) -> (e / (e + 1), 1 / (e + 1))
        ImmState prior = new ImmState(List.of(at(0, 0, 0, 0), at(2, 0, 0, 0)), new double[] {0.5, 0.5});
        Detection z = Detection.position(0, 1, 0, 0, 1);
        ImmUpdater updater = new ImmUpdater(new KalmanUpdater());
        ImmState post = (ImmState) updater.update(prior, z);
        assertThat(post.probability(0)).isCloseTo(Math.E / (Math.E + 1), within(EPS));
        assertThat(post.probability(1)).isCloseTo(1 / (Math.E + 1), within(EPS));
        // K = P S^-1 = 0.5 on position: x_B = 2 + 0.5 (0 - 2) = 1; Pxx = 1 - 0.5 = 0.5
        assertThat(post.modes().get(0).xMetres()).isCloseTo(0, within(EPS));
        assertThat(post.modes().get(1).xMetres()).isCloseTo(1, within(EPS));
        assertThat(post.modes().get(1).covariance().a11).isCloseTo(0.5, within(EPS));
        // the track likelihood is the mixture: ln(0.5 N_A + 0.5 N_B), N_A = 1 / (2 pi det S)^(1/2)... = 1 / (4 pi)
        double nA = 1 / (4 * Math.PI), nB = nA * Math.exp(-1);
        assertThat(updater.innovation(prior, z).logDensity()).isCloseTo(Math.log(0.5 * nA + 0.5 * nB), within(EPS));
    }

    @Test
    void pdaMixtureModeProbabilitiesSumToOne() {
        ImmState prior = new ImmState(List.of(at(0, 0, 0, 0), at(2, 0, 0, 0)), new double[] {0.5, 0.5});
        Detection[] ds = {Detection.position(0, 1, 0, 0, 1), Detection.position(0, 1, 3, 0, 1)};
        ImmUpdater updater = new ImmUpdater(new KalmanUpdater());
        ImmState post = (ImmState) updater.updateMixture(prior, ds, new double[] {0.6, 0.3}, 0.1);
        assertThat(post.probability(0) + post.probability(1)).isCloseTo(1, within(EPS));
        // all weight on one detection is the single-detection update
        ImmState one = (ImmState) updater.updateMixture(prior, new Detection[] {ds[0]}, new double[] {1}, 0);
        assertThat(one.probability(0)).isCloseTo(Math.E / (Math.E + 1), within(EPS));
    }
}
