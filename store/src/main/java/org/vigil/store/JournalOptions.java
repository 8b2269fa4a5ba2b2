package org.vigil.store;

/**
 * Tuning of the journal's group commit.
 *
 * @param maxBatchReports   the writer takes waiting appends until their reports would pass
 *                          this, then writes them in one transaction (an append larger than
 *                          this still goes whole, alone: an append is never split)
 * @param maxPendingReports reports that may wait for the writer; past this, appends fail
 *                          fast with {@link JournalFullException}
 */
public record JournalOptions(int maxBatchReports, int maxPendingReports) {

    /**
     * 4,096 reports a transaction (about 1.2 MB of 300-byte reports: large enough that one
     * fsync carries a whole burst, small enough that the first waiter is not held long) and
     * 262,144 pending (a few seconds of the 50,000/s target, about 80 MB at 300 bytes).
     */
    public static final JournalOptions DEFAULTS = new JournalOptions(4_096, 262_144);

    public JournalOptions {
        if (maxBatchReports < 1) {
            throw new IllegalArgumentException("maxBatchReports must be at least 1, got " + maxBatchReports);
        }
        if (maxPendingReports < maxBatchReports) {
            throw new IllegalArgumentException("maxPendingReports (" + maxPendingReports
                    + ") must be at least maxBatchReports (" + maxBatchReports + ")");
        }
    }
}
