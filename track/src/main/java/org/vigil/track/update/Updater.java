package org.vigil.track.update;

import org.vigil.track.model.Detection;
import org.vigil.track.model.StateEstimate;

/**
 * Folds a detection into a predicted estimate (the Kalman "measurement update"), and judges how
 * well a detection fits before it is folded in (for gating and association).
 */
public interface Updater {

    /** The innovation of {@code detection} against {@code predicted}. */
    Innovation innovation(StateEstimate predicted, Detection detection);

    /** The posterior given that {@code detection} came from the track. */
    StateEstimate update(StateEstimate predicted, Detection detection);

    /**
     * The probabilistic-data-association posterior: the moment-matched mixture of "missed"
     * (weight {@code missWeight}, the prediction itself) and "came from detection k" (weight
     * {@code weights[k]}, the posterior given {@code detections[k]}); weights sum to 1.
     */
    StateEstimate updateMixture(StateEstimate predicted, Detection[] detections, double[] weights, double missWeight);
}
