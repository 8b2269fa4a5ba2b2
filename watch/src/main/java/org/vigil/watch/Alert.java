package org.vigil.watch;

import java.time.Instant;

/**
 * An alert as the API shows it. {@code siteId} or {@code trackId} is null when the rule has
 * none (a massing cell names neither; an unobserved border segment names its segment as the site).
 */
public record Alert(long id, String rule, String siteId, String trackId, Instant time, boolean acknowledged,
                    boolean open, String message) {
}
