package org.vigil.track.delete;

import org.vigil.track.Track;

/**
 * Deletes a track whose existence probability has fallen below {@code minExistence}.
 *
 * @param minExistence existence below which the track is dropped, 0..1
 */
public record ExistenceDeleter(double minExistence) implements Deleter {

    @Override
    public boolean delete(Track track) {
        return track.existence() < minExistence;
    }
}
