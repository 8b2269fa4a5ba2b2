package org.vigil.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The append-only journal of accepted reports. A report is acknowledged to its sender only
 * once the future of its append has completed: by then it is durable (committed, and
 * fsynced where the database does so). Appends from many threads are group-committed: one
 * transaction, one sync, for every report waiting when the writer takes its next batch.
 *
 * <p>Back-pressure: the reports waiting for the writer are bounded (see
 * {@link JournalOptions#maxPendingReports()}). When an append would exceed that bound it is
 * not queued and not blocked on: its future fails at once with {@link JournalFullException},
 * so an ingest thread (e.g. a Netty event loop) never stalls; the caller answers 503 or
 * pauses reading. Callbacks attached to the futures with non-async methods run on the single
 * writer thread, in id order: keep them short.
 */
public interface Journal {

    /**
     * Appends the reports as one all-or-nothing unit. The future completes with their ids, in
     * the order given, once they are durable; it fails (and nothing of the batch is kept) if
     * the database refuses them.
     */
    CompletableFuture<long[]> append(List<NewReport> reports);

    Optional<JournalEntry> get(long id);

    /**
     * Calls {@code consumer} for every entry with {@code id > afterId}, in id order, and
     * returns the last id passed to it ({@code afterId} when there were none).
     */
    long replay(long afterId, Consumer<JournalEntry> consumer);

    /** The highest id journaled so far, 0 when the journal is empty. */
    long lastId();

    /**
     * Counters since the journal was opened: how many transactions carried how many appends,
     * so that group commit can be seen working. Implementations that do not count return zeros.
     */
    default JournalStats stats() {
        return new JournalStats(0, 0, 0, 0, 0, 0);
    }
}
