package org.vigil.watch;

import java.time.Instant;

/** A track as the API, the WebSocket and TAK clients see it. WGS84 degrees, metres, m/s; course clockwise from north. */
public record TrackView(String id, double latDeg, double lonDeg, double speedMps, double courseDeg,
                        double sigmaM, Instant updated, String kind) {
}
