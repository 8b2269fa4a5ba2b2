package org.vigil.track.associate;

import org.vigil.track.gate.Hypotheses;
import org.vigil.track.model.ExistenceModel;

/**
 * Decides which detection (if any) each track is updated with, from the gated hypotheses.
 *
 * <p>Hypothesis weights follow the Bernoulli (existence) model: a track of existence {@code r}
 * explains a detection of predicted density {@code g} with weight {@code r pd g / kappa}, and
 * is missed with weight {@code 1 - r pd}, where {@code kappa} is the density of detections that
 * are not from any track (clutter plus new targets). Associators maximise or average over the
 * joint hypotheses these weights define.
 */
public interface DataAssociator {

    /**
     * @param hypotheses     gated pairs of the frame
     * @param existence      per track, the predicted existence probability
     * @param detectionCount detections in the frame
     * @param model          detection probability and densities
     */
    Association associate(Hypotheses hypotheses, double[] existence, int detectionCount, ExistenceModel model);
}
