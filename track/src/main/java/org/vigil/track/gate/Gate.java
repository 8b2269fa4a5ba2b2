package org.vigil.track.gate;

import java.util.List;
import org.vigil.track.model.Detection;
import org.vigil.track.model.StateEstimate;

/**
 * Decides which detections could have come from which track (the "hypothesiser"): everything
 * outside a track's gate is treated as impossible for that track.
 */
public interface Gate {

    /** The candidate pairs between predicted track states (all at the detections' time) and detections. */
    Hypotheses gate(List<? extends StateEstimate> predicted, List<Detection> detections);
}
