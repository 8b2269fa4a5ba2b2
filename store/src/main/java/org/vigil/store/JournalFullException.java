package org.vigil.store;

/**
 * The journal's writer is behind: accepting this append would pass
 * {@link JournalOptions#maxPendingReports()}. Nothing of it was queued; the sender may retry
 * later (HTTP: 503 with Retry-After; a stream: pause reading).
 */
public final class JournalFullException extends StoreException {

    public JournalFullException(String message) {
        super(message);
    }
}
