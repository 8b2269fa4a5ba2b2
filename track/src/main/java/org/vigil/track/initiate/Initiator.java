package org.vigil.track.initiate;

import org.vigil.track.model.Detection;
import org.vigil.track.model.StateEstimate;

/** Makes the first state estimate of a new (tentative) track from a detection no track took. */
public interface Initiator {

    /** The initial estimate, valid at the detection's time. */
    StateEstimate initiate(Detection detection);
}
