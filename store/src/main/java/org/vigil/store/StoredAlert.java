package org.vigil.store;

import java.time.Instant;

/**
 * An alert as stored: which rule fired, about which site and track, and whether a watch
 * officer has acknowledged it. {@code key} identifies the condition (rule, site, track or
 * cell), so that the same condition raises no second alert while the first is open.
 * {@code detailJson} is the rule's own explanation, kept as JSON text.
 */
public record StoredAlert(long id, String rule, String key, String siteId, String trackId, Instant time,
                          boolean acknowledged, boolean open, String detailJson) {
}
