package org.vigil.store;

/**
 * One database holding the journal, plans, tracks and alerts: a SQLite file by default,
 * PostgreSQL when given a {@code jdbc:postgresql:} URL. Opening migrates the schema (Flyway).
 * Closing waits for every pending append to commit.
 */
public interface Store extends AutoCloseable {

    Journal journal();

    AlertStore alerts();

    PlanStore plans();

    TrackStore tracks();

    /** A short description for logs and the start banner, e.g. {@code sqlite:vigil-data/vigil.db}; never a password. */
    String describe();

    @Override
    void close();
}
