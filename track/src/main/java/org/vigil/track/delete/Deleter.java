package org.vigil.track.delete;

import org.vigil.track.Track;

/** Decides, after every frame, whether a track is dropped for good. */
public interface Deleter {

    /** Whether {@code track}, as it stands after the latest frame, is to be deleted. */
    boolean delete(Track track);
}
