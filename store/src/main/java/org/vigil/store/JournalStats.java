package org.vigil.store;

/**
 * Counters of a journal since it was opened.
 *
 * @param transactions      committed group transactions (one fsync each)
 * @param appends           appends committed (each one call of {@link Journal#append})
 * @param reports           reports committed
 * @param failedAppends     appends refused (their futures failed, nothing of them kept)
 * @param soloRetries       appends re-tried one per transaction after their group's
 *                          transaction failed (so that one bad append fails alone)
 * @param pendingReports    reports queued for the writer right now
 */
public record JournalStats(long transactions, long appends, long reports, long failedAppends, long soloRetries,
                           int pendingReports) {
}
