package org.vigil.store;

import java.time.Instant;

/**
 * A journaled report: its id is assigned by the journal, strictly increasing in append order.
 */
public record JournalEntry(long id, Instant receivedAt, String channel, String contentType, byte[] body) {
}
