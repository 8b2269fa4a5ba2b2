package org.vigil.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A {@link Store} over one pooled JDBC database, SQLite or PostgreSQL, already migrated. */
final class SqlStore implements Store {

    private final HikariDataSource dataSource;
    private final String description;
    private final GroupCommitJournal journal;
    private final SqlAlertStore alerts;
    private final SqlPlanStore plans;
    private final SqlTrackStore tracks;
    /** SQLite only: checkpoints the WAL off the journal's writer thread. */
    private final Optional<WalCheckpointer> checkpointer;
    private boolean closed;

    SqlStore(HikariDataSource dataSource, Dialect dialect, String description, JournalOptions options,
             Optional<WalCheckpointer> checkpointer) {
        this.dataSource = dataSource;
        this.description = description;
        this.checkpointer = checkpointer;
        // SQLite: every writer (journal, checkpoint catch-up, alerts, plans, track snapshots) takes
        // the one gate around its write transaction, so that writers queue in Java - fair, and
        // woken the moment the one before commits - rather than in SQLite's busy handler, which
        // sleeps in steps of up to 100 ms: the journal waited up to 130 ms behind each track
        // snapshot that way. PostgreSQL has row locks and MVCC: the journal's gate is its own.
        Optional<Lock> sqliteGate = checkpointer.map(WalCheckpointer::writerGate);
        Supplier<Lock> gate = () -> sqliteGate.orElseGet(ReentrantLock::new);
        this.journal = new GroupCommitJournal(dataSource, dialect, options, gate.get());
        this.alerts = new SqlAlertStore(dataSource, gate.get());
        this.plans = new SqlPlanStore(dataSource, gate.get());
        this.tracks = new SqlTrackStore(dataSource, gate.get());
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public PlanStore plans() {
        return plans;
    }

    @Override
    public TrackStore tracks() {
        return tracks;
    }

    /** The WAL checkpointer (SQLite), for tests that check it keeps the log bounded. */
    Optional<WalCheckpointer> checkpointer() {
        return checkpointer;
    }

    /** The pool, for tests that check the settings of its connections. */
    javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Writes every queued append, stops the checkpointer, then closes the pool (SQLite's last
     * connection to close checkpoints what is left and removes the log). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            journal.close();
        } finally {
            try {
                checkpointer.ifPresent(WalCheckpointer::close);
            } finally {
                dataSource.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Store[" + description + "]";
    }
}
