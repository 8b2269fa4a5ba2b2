package org.vigil.track.initiate;

import org.vigil.track.Track;

/**
 * Decides, after every frame, whether a track is confirmed: confirmed tracks are reported,
 * tentative ones are kept but not reported.
 */
public interface ConfirmationRule {

    /** Whether {@code track}, as it stands after the latest frame, is confirmed. */
    boolean confirmed(Track track);
}
