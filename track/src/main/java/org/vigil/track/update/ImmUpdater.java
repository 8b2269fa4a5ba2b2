package org.vigil.track.update;

import java.util.ArrayList;
import java.util.List;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.ImmState;
import org.vigil.track.model.StateEstimate;

/**
 * Interacting-multiple-model (IMM) measurement update: every mode is updated by
 * {@code modeUpdater} and the mode probabilities by Bayes' rule on the modes' measurement
 * likelihoods (Bar-Shalom, Li and Kirubarajan, 11.6.6).
 *
 * <p>With one detection {@code z}: {@code L_j = N(z; h(m_j), S_j)} per mode and
 * {@code mu_j' = mu_j L_j / sum_i mu_i L_i}. The track's likelihood (for association and
 * existence) is the mixture {@code ln sum_j mu_j L_j}; its Mahalanobis distance (for gating) is
 * that of the moment-matched single Gaussian.
 *
 * <p>With a probabilistic (PDA/JPDA) mixture of detections {@code z_k} of weights {@code w_k}
 * and a miss weight {@code w_0}: each mode gets the updater's own PDA mixture with the same
 * weights, and {@code mu_j' = mu_j (w_0 + sum_k w_k L_jk / L_k)} with
 * {@code L_k = sum_i mu_i L_ik}, which sums to 1 over the modes; it is the single-detection rule
 * averaged over the association hypotheses.
 *
 * <p>A plain {@link GaussianState} is passed to {@code modeUpdater} unchanged.
 */
public final class ImmUpdater implements Updater {

    private final Updater modeUpdater;

    /** @param modeUpdater the per-mode update (Kalman, or extended Kalman for range-rate) */
    public ImmUpdater(Updater modeUpdater) {
        this.modeUpdater = modeUpdater;
    }

    @Override
    public Innovation innovation(StateEstimate predicted, Detection d) {
        if (!(predicted instanceof ImmState imm)) {
            return modeUpdater.innovation(predicted, d);
        }
        double[] ld = modeLogDensities(imm, d);
        Innovation combined = modeUpdater.innovation(imm.gaussian(), d);
        return new Innovation(combined.mahalanobisSquared(), logMixture(imm, ld), combined.dimension());
    }

    @Override
    public StateEstimate update(StateEstimate predicted, Detection d) {
        if (!(predicted instanceof ImmState imm)) {
            return modeUpdater.update(predicted, d);
        }
        int r = imm.modes().size();
        double[] ld = modeLogDensities(imm, d);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < r; j++) {
            max = Math.max(max, ld[j]);
        }
        double[] mu = new double[r];
        double sum = 0;
        List<GaussianState> modes = new ArrayList<>(r);
        for (int j = 0; j < r; j++) {
            mu[j] = imm.probability(j) * Math.exp(ld[j] - max);
            sum += mu[j];
            modes.add(modeUpdater.update(imm.modes().get(j), d).gaussian());
        }
        normalise(mu, sum, imm);
        return new ImmState(modes, mu);
    }

    @Override
    public StateEstimate updateMixture(StateEstimate predicted, Detection[] detections, double[] weights, double missWeight) {
        if (!(predicted instanceof ImmState imm)) {
            return modeUpdater.updateMixture(predicted, detections, weights, missWeight);
        }
        int r = imm.modes().size();
        double[] factor = new double[r];
        java.util.Arrays.fill(factor, missWeight);
        for (int k = 0; k < detections.length; k++) {
            double[] ld = modeLogDensities(imm, detections[k]);
            double mixture = logMixture(imm, ld);
            for (int j = 0; j < r; j++) {
                factor[j] += weights[k] * Math.exp(ld[j] - mixture);
            }
        }
        double[] mu = new double[r];
        double sum = 0;
        List<GaussianState> modes = new ArrayList<>(r);
        for (int j = 0; j < r; j++) {
            mu[j] = imm.probability(j) * factor[j];
            sum += mu[j];
            modes.add(modeUpdater.updateMixture(imm.modes().get(j), detections, weights, missWeight).gaussian());
        }
        normalise(mu, sum, imm);
        return new ImmState(modes, mu);
    }

    private double[] modeLogDensities(ImmState imm, Detection d) {
        double[] ld = new double[imm.modes().size()];
        for (int j = 0; j < ld.length; j++) {
            ld[j] = modeUpdater.innovation(imm.modes().get(j), d).logDensity();
        }
        return ld;
    }

    /** {@code ln sum_j mu_j exp(ld_j)}, computed stably. */
    private static double logMixture(ImmState imm, double[] ld) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : ld) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (int j = 0; j < ld.length; j++) {
            s += imm.probability(j) * Math.exp(ld[j] - max);
        }
        return max + Math.log(s);
    }

    /** Divides by the sum; keeps the prior probabilities if every likelihood underflowed. */
    private static void normalise(double[] mu, double sum, ImmState imm) {
        for (int j = 0; j < mu.length; j++) {
            mu[j] = sum > 0 && Double.isFinite(sum) ? mu[j] / sum : imm.probability(j);
        }
    }
}
