package org.vigil.track.delete;

import org.vigil.track.Track;

/**
 * Deletes a track after {@code maxConsecutiveMisses} frames in a row without an update.
 *
 * @param maxConsecutiveMisses frames without update that are tolerated; one more deletes
 */
public record UpdateCountDeleter(int maxConsecutiveMisses) implements Deleter {

    public UpdateCountDeleter {
        if (maxConsecutiveMisses < 0) {
            throw new IllegalArgumentException("misses must be non-negative");
        }
    }

    @Override
    public boolean delete(Track track) {
        return track.consecutiveMisses() > maxConsecutiveMisses;
    }
}
