package org.vigil.track.associate;

import org.vigil.track.model.ExistenceModel;

/** Log-weights of single-track hypotheses under the Bernoulli model (see {@link DataAssociator}). */
final class LogWeights {

    private LogWeights() {
    }

    /** {@code ln(r pd g / kappa)} for a track of existence {@code r} and a detection of log density {@code ln g}. */
    static double detected(double existence, double logDensity, ExistenceModel model) {
        return Math.log(existence * model.detectionProbability()) + logDensity - Math.log(model.unassignedDensityPerSquareMetre());
    }

    /** {@code ln(1 - r pd)} for a track of existence {@code r}. */
    static double missed(double existence, ExistenceModel model) {
        return Math.log1p(-existence * model.detectionProbability());
    }
}
