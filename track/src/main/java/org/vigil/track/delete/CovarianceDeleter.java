package org.vigil.track.delete;

import org.vigil.track.Track;

/**
 * Deletes a track whose position uncertainty has grown too large to be useful: when the
 * standard deviation along the major axis of its position covariance exceeds
 * {@code maxPositionSigmaMetres}.
 *
 * @param maxPositionSigmaMetres largest tolerated position standard deviation, m
 */
public record CovarianceDeleter(double maxPositionSigmaMetres) implements Deleter {

    @Override
    public boolean delete(Track track) {
        return track.state().gaussian().positionMajorSigmaMetres() > maxPositionSigmaMetres;
    }
}
