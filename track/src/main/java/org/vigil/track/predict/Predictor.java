package org.vigil.track.predict;

import org.vigil.track.model.StateEstimate;

/** Moves a state estimate to another time under a motion model (the Kalman "time update"). */
public interface Predictor {

    /** The estimate at {@code timeSeconds}; equal times return an equal estimate. */
    StateEstimate predict(StateEstimate prior, double timeSeconds);
}
