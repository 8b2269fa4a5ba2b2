package org.vigil.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints SQLite's write-ahead log on a thread and connection of its own, so that the
 * journal's writer never copies pages into the database file itself.
 *
 * <p>What is modelled: in WAL mode every commit appends its pages to the log; a checkpoint
 * copies them into the database file and fsyncs it; once every frame is copied and no reader
 * still reads from the log, the next writer starts the log again from its beginning. SQLite's
 * usual auto-checkpoint does that copy inside the commit that passes the threshold, on the
 * committing thread, which for the journal is the one thread every report waits on. Here the
 * pool's connections have auto-checkpoint off ({@code wal_autocheckpoint=0}) and this thread
 * runs, every {@link Policy#interval()}:
 * <ul>
 *   <li>a PASSIVE checkpoint: copies what is committed without taking any lock a writer or
 *       reader waits for, so the journal keeps committing meanwhile; and</li>
 *   <li>when the log has reached {@link Policy#restartPages()} frames all the same (the
 *       journal committed again before each copy finished, so the log was never wholly copied
 *       at a moment its next commit could restart it), a catch-up: another PASSIVE checkpoint
 *       at once, then a last one while holding the journal's {@link #writerGate()}, so that no
 *       journal commit comes in between; it copies the few frames committed during the one
 *       before (so the journal waits for little), and the journal's next commit
 *       finds the log wholly copied and writes from its start again.</li>
 * </ul>
 * Not SQLite's RESTART mode: that one also waits (in SQLite's busy handler, holding the write
 * lock) for every reader of the old log to finish, and the journal would wait with it. The
 * journal here waits for the catch-up copy and nothing else; a reader that holds a snapshot
 * of the old log across the journal's next commit only defers the restart to a later round.
 * The log therefore stays below {@code restartPages} plus what is committed during one round
 * (the interval and the first copy: with the defaults, 16 MiB plus a few MiB at 50,000 CoT
 * reports/s), as long as no reader holds one snapshot open for longer than a round, and beyond
 * that grows only while such a reader lasts (as it would under SQLite's own auto-checkpoint).
 * Should the disk copy more slowly than the journal writes, each catch-up copies more while
 * the journal waits for it: the journal slows down rather than the log growing. The connections'
 * {@code journal_size_limit} cuts the file back to that bound when the log restarts.
 *
 * <p>Durability does not depend on it: a commit is durable once its frames are fsynced in the
 * log (synchronous=FULL), whenever they are copied; a kill at any point of a checkpoint leaves
 * a log that SQLite replays or discards on open, by its own design.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    /**
     * When and how hard to checkpoint.
     *
     * @param interval     pause between two rounds
     * @param restartPages log frames (pages) past which a round catches up with the journal
     *                     so that the log restarts
     */
    record Policy(Duration interval, int restartPages) {

        /**
         * 100 ms between rounds (about 1 MiB of log at 50,000 CoT reports/s, the same copy
         * each time as SQLite's auto-checkpoint at 256 pages, but off the writer) and a
         * restart past 4,096 pages (16 MiB at 4 KiB pages).
         */
        static final Policy DEFAULTS = new Policy(Duration.ofMillis(100), 4_096);

        Policy {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("checkpoint interval must be positive, got " + interval);
            }
            if (restartPages < 1) {
                throw new IllegalArgumentException("restartPages must be at least 1, got " + restartPages);
            }
        }
    }

    /**
     * Counters since the checkpointer started.
     *
     * @param passive        rounds run (each one PASSIVE checkpoint, concurrent with the journal)
     * @param catchUps       catch-ups that copied the whole log (the journal's next commit
     *                       restarts it unless a reader of the old log is still there)
     * @param catchUpsShort  catch-ups that a reader of an older snapshot kept from copying the
     *                       whole log, retried next round
     * @param failures       rounds that failed with an error (logged)
     * @param maxLogPages    the most frames seen in the log
     */
    record Stats(long passive, long catchUps, long catchUpsShort, long failures, long maxLogPages) {
    }

    /** Opens the checkpointer's own connection (not one of the pool's: it would hold one for good). */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final Connection connection;
    private final Policy policy;
    /** Fair, so that a waiting catch-up gets it at the journal's next transaction boundary. */
    private final ReentrantLock writerGate = new ReentrantLock(true);
    private final ReentrantLock sleep = new ReentrantLock();
    private final Condition wake = sleep.newCondition();
    private final Thread thread;
    private volatile boolean stopping;

    // Written by the checkpointer thread only.
    private volatile long passive;
    private volatile long catchUps;
    private volatile long catchUpsShort;
    private volatile long failures;
    private volatile long maxLogPages;

    WalCheckpointer(ConnectionOpener opener, Policy policy) throws SQLException {
        this.policy = policy;
        this.connection = opener.open();
        thread = new Thread(this::run, "vigil-wal-checkpointer");
        // Daemon: a forgotten close() must not keep the JVM alive (an unfinished checkpoint is safe).
        thread.setDaemon(true);
        thread.start();
    }

    /** Held by the journal around each transaction, and by a catch-up checkpoint while it runs. */
    Lock writerGate() {
        return writerGate;
    }

    Stats stats() {
        return new Stats(passive, catchUps, catchUpsShort, failures, maxLogPages);
    }

    private void run() {
        long intervalNs = policy.interval().toNanos();
        while (!stopping) {
            sleep.lock();
            try {
                if (!stopping) {
                    wake.awaitNanos(intervalNs);
                }
            } catch (InterruptedException e) {
                // Only close() stops this thread, through stopping.
            } finally {
                sleep.unlock();
            }
            if (stopping) {
                return;
            }
            try {
                round();
            } catch (SQLException | RuntimeException e) {
                failures++;
                // Once, then every 100th: a disk that fails keeps failing, and the log would flood.
                if (failures == 1 || failures % 100 == 0) {
                    LOG.warn("WAL checkpoint failed ({} so far): {}", failures, Sql.oneLine(e));
                }
            }
        }
    }

    private void round() throws SQLException {
        long log = checkpoint("PASSIVE")[1];
        passive++;
        maxLogPages = Math.max(maxLogPages, log);
        if (log < policy.restartPages() || stopping) {
            return;
        }
        // One more copy first, outside the gate: the journal then waits only for what it commits
        // during this one (its fsync included), not for what it committed during a whole round.
        checkpoint("PASSIVE");
        long[] catchUp;
        // Waits for the journal's current transaction to end; the journal then waits here.
        writerGate.lock();
        try {
            catchUp = checkpoint("PASSIVE");
        } finally {
            writerGate.unlock();
        }
        maxLogPages = Math.max(maxLogPages, catchUp[1]);
        if (catchUp[2] >= catchUp[1]) {
            catchUps++;
        } else {
            catchUpsShort++;
        }
    }

    /** {@code PRAGMA wal_checkpoint(MODE)}: {busy, frames in the log, frames copied}. */
    private long[] checkpoint(String mode) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /** Stops the thread (waiting for a round in progress) and closes its connection. Idempotent. */
    @Override
    public void close() {
        stopping = true;
        sleep.lock();
        try {
            wake.signalAll();
        } finally {
            sleep.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the WAL checkpointer's connection: {}", Sql.oneLine(e));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
