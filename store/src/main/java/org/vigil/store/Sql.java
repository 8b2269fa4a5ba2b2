package org.vigil.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.locks.Lock;

/** Small pieces shared by the SQL stores: instants as nanoseconds, one-line messages, the writer gate. */
final class Sql {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Sql() {
    }

    /** Nanoseconds since the epoch; exact for 1677-09-21 to 2262-04-11. */
    static long toNanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant " + t + " is outside 1677..2262, which the store keeps");
        }
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /**
     * The first line of what the database said, without the stack. For a failed JDBC batch
     * that is the last chained exception (the first one repeats the statement, values and all).
     */
    static String oneLine(Throwable e) {
        Throwable t = e;
        if (t instanceof SQLException sql) {
            while (sql.getNextException() != null) {
                sql = sql.getNextException();
            }
            t = sql;
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Database work that may fail with {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} holding the store's writer gate (see {@link SqlStore}: SQLite's writers queue on it). */
    static <T> T holding(Lock writerGate, Work<T> work) throws SQLException {
        writerGate.lock();
        try {
            return work.run();
        } finally {
            writerGate.unlock();
        }
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed: " + oneLine(e), e);
    }
}
