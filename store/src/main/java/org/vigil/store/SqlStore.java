package org.vigil.store;

import com.zaxxer.hikari.HikariDataSource;

/** A {@link Store} over one pooled JDBC database, SQLite or PostgreSQL, already migrated. */
final class SqlStore implements Store {

    private final HikariDataSource dataSource;
    private final String description;
    private final GroupCommitJournal journal;
    private final SqlAlertStore alerts;
    private final SqlPlanStore plans;
    private final SqlTrackStore tracks;
    private boolean closed;

    SqlStore(HikariDataSource dataSource, Dialect dialect, String description, JournalOptions options) {
        this.dataSource = dataSource;
        this.description = description;
        this.journal = new GroupCommitJournal(dataSource, dialect, options);
        this.alerts = new SqlAlertStore(dataSource);
        this.plans = new SqlPlanStore(dataSource);
        this.tracks = new SqlTrackStore(dataSource);
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

    /** The pool, for tests that check the settings of its connections. */
    javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Writes every queued append, then closes the pool. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            journal.close();
        } finally {
            dataSource.close();
        }
    }

    @Override
    public String toString() {
        return "Store[" + description + "]";
    }
}
