package org.vigil.track.predict;

import java.util.ArrayList;
import java.util.List;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.ImmState;
import org.vigil.track.model.MotionModel;
import org.vigil.track.model.StateEstimate;

/**
 * Interacting-multiple-model (IMM) prediction (Blom and Bar-Shalom 1988; Bar-Shalom, Li and
 * Kirubarajan, 11.6.6) over motion models {@code M_1 .. M_r}, for example nearly-constant velocity
 * and coordinated turns left and right.
 *
 * <p>Mode switching is a continuous-time Markov chain: the target stays in mode {@code i} for a
 * time with mean {@code meanSojournSeconds[i]} and then jumps to one of the other modes with equal
 * probability, so over a step {@code dt}
 * {@code p_ii = exp(-dt / tau_i)} and {@code p_ij = (1 - p_ii) / (r - 1)} for {@code j != i}
 * (valid for the irregular steps of asynchronous sensors).
 *
 * <p>One step, from mode estimates {@code (m_i, P_i)} with probabilities {@code mu_i}:
 * <ol>
 *   <li>predicted mode probabilities {@code c_j = sum_i p_ij mu_i} and mixing weights
 *       {@code mu_(i|j) = p_ij mu_i / c_j};</li>
 *   <li>mixed initial conditions {@code m0_j = sum_i mu_(i|j) m_i},
 *       {@code P0_j = sum_i mu_(i|j) (P_i + (m_i - m0_j)(m_i - m0_j)^T)};</li>
 *   <li>Kalman prediction of each {@code (m0_j, P0_j)} under its own model {@code M_j}.</li>
 * </ol>
 * The result is an {@link ImmState} with the predicted modes and probabilities {@code c_j}. A
 * single {@link GaussianState} (a new track) is first lifted into every mode with probabilities
 * {@code initialProbability}. A zero step returns the prior unchanged (no mixing).
 */
public final class ImmPredictor implements Predictor {

    private final List<MotionModel> models;
    private final double[] meanSojournSeconds;
    private final double[] initialProbability;

    /**
     * @param models              the motion models, one per mode
     * @param meanSojournSeconds  mean time the target stays in each mode, s
     * @param initialProbability  mode probabilities of a new track (summing to 1)
     */
    public ImmPredictor(List<MotionModel> models, double[] meanSojournSeconds, double[] initialProbability) {
        this.models = List.copyOf(models);
        this.meanSojournSeconds = meanSojournSeconds.clone();
        this.initialProbability = initialProbability.clone();
        int r = this.models.size();
        if (r == 0 || meanSojournSeconds.length != r || initialProbability.length != r) {
            throw new IllegalArgumentException("need one sojourn time and one initial probability per model");
        }
        double sum = 0;
        for (int i = 0; i < r; i++) {
            if (!(meanSojournSeconds[i] > 0) || !(initialProbability[i] >= 0)) {
                throw new IllegalArgumentException("sojourn times must be positive and probabilities non-negative");
            }
            sum += initialProbability[i];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("initial mode probabilities must sum to 1, not " + sum);
        }
    }

    /** The motion models, one per mode. */
    public List<MotionModel> models() {
        return models;
    }

    /** The mode transition matrix {@code p[i][j]} = P(mode j after {@code dtSeconds} | mode i now). */
    public double[][] transitionProbabilities(double dtSeconds) {
        int r = models.size();
        double[][] p = new double[r][r];
        for (int i = 0; i < r; i++) {
            double stay = r == 1 ? 1 : Math.exp(-Math.abs(dtSeconds) / meanSojournSeconds[i]);
            for (int j = 0; j < r; j++) {
                p[i][j] = i == j ? stay : (1 - stay) / (r - 1);
            }
        }
        return p;
    }

    /** A single Gaussian lifted into every mode with the initial probabilities. */
    public ImmState lift(GaussianState g) {
        List<GaussianState> modes = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            modes.add(g);
        }
        return new ImmState(modes, initialProbability);
    }

    @Override
    public ImmState predict(StateEstimate prior, double timeSeconds) {
        ImmState s = switch (prior) {
            case ImmState imm -> imm;
            case GaussianState g -> lift(g);
        };
        if (s.modes().size() != models.size()) {
            throw new IllegalArgumentException("the state has " + s.modes().size() + " modes, the predictor " + models.size());
        }
        double dt = timeSeconds - s.timeSeconds();
        if (dt == 0) {
            return s;
        }
        int r = models.size();
        double[][] p = transitionProbabilities(dt);
        double[] c = new double[r];
        List<GaussianState> predicted = new ArrayList<>(r);
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                c[j] += p[i][j] * s.probability(i);
            }
            double[] mix = new double[r];
            for (int i = 0; i < r; i++) {
                mix[i] = c[j] > 0 ? p[i][j] * s.probability(i) / c[j] : (i == j ? 1 : 0);
            }
            GaussianState mixed = GaussianState.mixture(s.modes(), mix);
            predicted.add(KalmanPredictor.predict(mixed, timeSeconds, models.get(j)));
        }
        return new ImmState(predicted, c);
    }
}
