package org.vigil.track.model;

import java.util.List;

/**
 * An interacting-multiple-model estimate: one Gaussian per motion model and the probability that
 * the target currently follows each model.
 *
 * <p>The combined estimate (for gating and output) is the moment-matched Gaussian
 * {@code m = sum_j mu_j m_j}, {@code P = sum_j mu_j (P_j + (m_j - m)(m_j - m)^T)}.
 *
 * @param modes       per-model estimates, all at the same time
 * @param probability per-model probabilities {@code mu_j}, summing to 1
 */
public record ImmState(List<GaussianState> modes, double[] probability) implements StateEstimate {

    public ImmState {
        modes = List.copyOf(modes);
        probability = probability.clone();
        if (modes.isEmpty() || modes.size() != probability.length) {
            throw new IllegalArgumentException("one probability per mode is needed");
        }
    }

    @Override
    public double timeSeconds() {
        return modes.get(0).timeSeconds();
    }

    @Override
    public double[] probability() {
        return probability.clone();
    }

    /** Probability of mode {@code j}. */
    public double probability(int j) {
        return probability[j];
    }

    @Override
    public GaussianState gaussian() {
        return GaussianState.mixture(modes, probability);
    }
}
