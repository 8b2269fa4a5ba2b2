package org.vigil.track.initiate;

import org.vigil.track.Track;

/**
 * Confirms a track while the probability that its target exists is at least
 * {@code minExistence}. Not latched: a track that misses detections drops back to tentative and
 * is reported again when a detection restores its existence.
 *
 * <p>With {@code minExistence = 0.5} this reports a track exactly when reporting it is more
 * likely right than wrong, which minimises the expected number of missed plus false targets
 * (the cardinality part of GOSPA, where both cost {@code c/2}).
 *
 * @param minExistence existence probability needed, 0..1
 */
public record ExistenceConfirmation(double minExistence) implements ConfirmationRule {

    public ExistenceConfirmation {
        if (!(minExistence > 0 && minExistence < 1)) {
            throw new IllegalArgumentException("minimum existence must be in (0, 1)");
        }
    }

    @Override
    public boolean confirmed(Track track) {
        return track.existence() >= minExistence;
    }
}
