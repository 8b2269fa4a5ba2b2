package org.vigil.store;

import java.time.Instant;

/**
 * A track's latest state as stored, for the API and for readers that do not run the
 * tracker. WGS84 degrees, metres and metres per second; {@code lastJournalId} is the last
 * journal entry that updated it.
 */
public record StoredTrack(String id, double latDeg, double lonDeg, double speedMps, double courseDeg,
                          double sigmaM, Instant updated, long lastJournalId) {
}
