package org.vigil.watch.rules;

import java.time.Instant;

/**
 * A rule's finding that holds now: which rule, its de-duplication {@code key} (one open alert
 * per key), the site (or border segment) and track it concerns (null when none), where on the
 * map it is (WGS84 degrees) and a one-line message for the watch officer.
 */
public record Condition(String rule, String key, String siteId, String trackId, Instant time, double latDeg,
                        double lonDeg, String message) {
}
