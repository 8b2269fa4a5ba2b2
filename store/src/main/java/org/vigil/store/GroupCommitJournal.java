package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The journal with group commit. Appends from any thread go into a bounded queue; one writer
 * thread takes everything waiting (up to {@link JournalOptions#maxBatchReports()}), writes it
 * in one transaction (SQLite: multi-row INSERTs, see {@link SqliteJournalRows}; PostgreSQL: one
 * binary COPY), commits (one fsync), and only then completes the appends' futures with their
 * ids. Throughput therefore pays one sync per batch, not per
 * report, while no report is acknowledged before it is durable.
 *
 * <p>Ids are allocated by the writer, not the database: it is the only writer of the journal
 * table, so the next id is simply one past the last committed one, which makes the ids of one
 * append dense and ascending and all ids strictly increasing in commit order, without a
 * sequence round trip or {@code RETURNING}. A failed transaction hands its ids to the next
 * one, so the committed ids have no gaps either. (Were a second process to write the same
 * table, its rows would collide on the primary key: the batch fails, the writer re-reads the
 * highest id and retries, so nothing is overwritten.)
 *
 * <p>All-or-nothing: an append is never split across transactions. If the database refuses a
 * group's rows (a constraint, a bad value), each of its appends is retried alone, so the one at
 * fault fails by itself and the others of its group are still kept. If the database itself
 * fails (connection lost, disk full, lock timeout), every append of the group fails at once.
 * If the commit's answer is lost, the highest id in the table tells whether it landed.
 */
final class GroupCommitJournal implements Journal {

    private static final String INSERT =
            "INSERT INTO journal (id, received_at_ns, channel, content_type, body) VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, received_at_ns, channel, content_type, body FROM journal";
    /** Entries read per query on replay: bounds memory (about 300 KB of 300-byte reports). */
    private static final int REPLAY_PAGE = 1_000;

    private record Pending(List<NewReport> reports, CompletableFuture<long[]> future) {
    }

    /** Put on the queue by close(): everything before it is written, then the writer stops. */
    private static final Pending END = new Pending(List.of(), new CompletableFuture<>());

    private final DataSource dataSource;
    private final JournalOptions options;
    /**
     * PostgreSQL takes the journal's rows with COPY: measured at 1.2-2.3 times the rate of
     * batched INSERTs (even rewritten as multi-row INSERTs), at 2/3 of the JVM's CPU per report. The
     * system property {@code vigil.store.pgCopy=false} selects the INSERTs, for comparison.
     */
    private final boolean postgresCopy;
    private final Dialect dialect;
    /** The group's rows in order, for SQLite's multi-row INSERTs (writer thread only, reused). */
    private final List<NewReport> rows = new ArrayList<>();
    /**
     * SQLite: the writer's own connection and prepared INSERTs, kept from one transaction to
     * the next, dropped (back to the pool) after any failure and on close. Writer thread only.
     */
    private SqliteJournalRows sqliteWriter;
    /**
     * Held around each transaction. SQLite: the store's one writer gate, which the other writers
     * (alerts, plans, track snapshots) take too, and the WAL checkpointer for the short catch-up
     * copy that lets the log restart, so that no commit slips in meanwhile (see {@link SqlStore}).
     * PostgreSQL: nobody else takes it.
     */
    private final Lock transactionGate;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingReports = new AtomicInteger();
    /** Appends hold it shared while queueing; close() holds it alone to stop them. */
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;
    private final Thread writer;

    /** Writer thread only. */
    private long nextId;
    private volatile long lastId;
    // Written by the writer thread only, read by anyone.
    private volatile long transactions;
    private volatile long appends;
    private volatile long reports;
    private volatile long failedAppends;
    private volatile long soloRetries;

    GroupCommitJournal(DataSource dataSource, Dialect dialect, JournalOptions options, Lock transactionGate) {
        this.dataSource = dataSource;
        this.transactionGate = transactionGate;
        this.postgresCopy = dialect == Dialect.POSTGRESQL
                && Boolean.parseBoolean(System.getProperty("vigil.store.pgCopy", "true"));
        this.dialect = dialect;
        this.options = options;
        try (Connection c = dataSource.getConnection()) {
            lastId = maxId(c);
        } catch (SQLException e) {
            throw Sql.failure("reading the journal's last id", e);
        }
        nextId = lastId + 1;
        writer = new Thread(this::writeLoop, "vigil-journal-writer");
        // Daemon so that a forgotten close() cannot keep the JVM alive; close() drains it.
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public CompletableFuture<long[]> append(List<NewReport> batch) {
        List<NewReport> copy;
        try {
            copy = List.copyOf(batch);
            for (NewReport r : copy) {
                Sql.toNanos(r.receivedAt());
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new StoreException("journal append refused: " + Sql.oneLine(e), e));
        }
        if (copy.isEmpty()) {
            return CompletableFuture.completedFuture(new long[0]);
        }
        if (copy.size() > options.maxPendingReports()) {
            return CompletableFuture.failedFuture(new StoreException("journal append refused: " + copy.size()
                    + " reports in one append is more than the journal queues (" + options.maxPendingReports() + ")"));
        }
        closing.readLock().lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new StoreException("journal is closed"));
            }
            if (!reserve(copy.size())) {
                return CompletableFuture.failedFuture(new JournalFullException("journal full: "
                        + pendingReports.get() + " reports are waiting for the writer (limit "
                        + options.maxPendingReports() + "); retry later"));
            }
            CompletableFuture<long[]> future = new CompletableFuture<>();
            queue.add(new Pending(copy, future));
            return future;
        } finally {
            closing.readLock().unlock();
        }
    }

    private boolean reserve(int n) {
        while (true) {
            int now = pendingReports.get();
            if (now + n > options.maxPendingReports()) {
                return false;
            }
            if (pendingReports.compareAndSet(now, now + n)) {
                return true;
            }
        }
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            Pending first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                // Only close() stops the writer, and only through END: pending appends must be written.
                continue;
            }
            if (first == END) {
                dropSqliteWriter();
                return;
            }
            group.clear();
            group.add(first);
            int count = first.reports().size();
            Pending next;
            while ((next = queue.peek()) != null && next != END
                    && count + next.reports().size() <= options.maxBatchReports()) {
                queue.poll();
                group.add(next);
                count += next.reports().size();
            }
            try {
                writeGroup(group, count);
            } catch (Throwable t) {
                // Never let the writer die with futures left hanging (completed ones stay as they are).
                readMaxId().ifPresent(m -> nextId = m + 1);
                for (Pending p : group) {
                    p.future().completeExceptionally(new StoreException("journal writer failed: " + Sql.oneLine(t), t));
                }
            } finally {
                pendingReports.addAndGet(-count);
            }
        }
    }

    private void writeGroup(List<Pending> group, int count) {
        long firstId = nextId;
        try {
            insert(group, firstId);
            committed(group, firstId, count);
            return;
        } catch (CommitUncertain e) {
            // The commit was sent but its answer was lost: the highest id tells whether it landed.
            Optional<Long> max = readMaxId();
            if (max.isPresent() && max.get() >= firstId + count - 1) {
                committed(group, firstId, count);
                return;
            }
            max.ifPresent(m -> nextId = m + 1);
            retryAlone(group, e.getCause());
        } catch (SQLException e) {
            readMaxId().ifPresent(m -> nextId = m + 1);
            retryAlone(group, e);
        }
    }

    private void retryAlone(List<Pending> group, Throwable groupFailure) {
        if (group.size() == 1 || !refusesData(groupFailure)) {
            // Alone already, or the database itself failed (connection lost, disk full, lock
            // timeout): trying each append again would only repeat the wait per append.
            for (Pending p : group) {
                failed(p, groupFailure);
            }
            return;
        }
        for (Pending p : group) {
            soloRetries++;
            long firstId = nextId;
            try {
                insert(List.of(p), firstId);
                committed(List.of(p), firstId, p.reports().size());
            } catch (CommitUncertain e) {
                Optional<Long> max = readMaxId();
                if (max.isPresent() && max.get() >= firstId + p.reports().size() - 1) {
                    committed(List.of(p), firstId, p.reports().size());
                } else {
                    max.ifPresent(m -> nextId = m + 1);
                    failed(p, e.getCause());
                }
            } catch (SQLException e) {
                readMaxId().ifPresent(m -> nextId = m + 1);
                failed(p, e);
            }
        }
    }

    /**
     * Whether the database refused the rows themselves (a constraint, a value out of range),
     * which may be one append's fault: SQLSTATE class 22 (data exception) or 23 (integrity
     * constraint violation); SQLite reports no SQLSTATE, only its result codes TOOBIG (18),
     * CONSTRAINT (19) and MISMATCH (20).
     */
    static boolean refusesData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                    int primary = e.getErrorCode() & 0xff;
                    if (state == null && (primary == 18 || primary == 19 || primary == 20)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The commit itself failed: whether it took effect is unknown until the table is read. */
    private static final class CommitUncertain extends Exception {
        CommitUncertain(SQLException cause) {
            super(cause);
        }
    }

    private void insert(List<Pending> group, long firstId) throws SQLException, CommitUncertain {
        transactionGate.lock();
        try {
            insertAndCommit(group, firstId);
        } finally {
            transactionGate.unlock();
        }
    }

    /**
     * SQLite's transaction, on the writer's kept connection. sqlite-jdbc begins the next
     * transaction as soon as one commits; with IMMEDIATE transactions that would hold the
     * database's write lock between groups, so the connection goes back to auto-commit after
     * each (which ends that empty transaction).
     */
    private void insertAndCommitSqlite(long firstId) throws SQLException, CommitUncertain {
        if (sqliteWriter == null) {
            sqliteWriter = new SqliteJournalRows(dataSource.getConnection());
        }
        Connection c = sqliteWriter.connection();
        boolean committed = false;
        try {
            writeAndCommit(c, () -> sqliteWriter.insert(rows, firstId));
            committed = true;
            c.setAutoCommit(true);
        } catch (SQLException e) {
            dropSqliteWriter();
            if (!committed) {
                throw e;
            }
            // Committed: only leaving the empty transaction failed, and the connection is gone with it.
        } catch (CommitUncertain | RuntimeException | Error e) {
            dropSqliteWriter();
            throw e;
        }
    }

    private void dropSqliteWriter() {
        if (sqliteWriter != null) {
            sqliteWriter.close();
            sqliteWriter = null;
        }
    }

    private void insertAndCommit(List<Pending> group, long firstId) throws SQLException, CommitUncertain {
        if (dialect == Dialect.SQLITE) {
            rows.clear();
            for (Pending p : group) {
                rows.addAll(p.reports());
            }
            try {
                insertAndCommitSqlite(firstId);
            } finally {
                rows.clear(); // the reports' bodies are garbage once written
            }
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            writeAndCommit(c, () -> {
                if (postgresCopy) {
                    copyIn(c, group, firstId);
                } else {
                    batchInsert(c, group, firstId);
                }
            });
        }
    }

    /** Rows written in the caller's transaction. */
    private interface RowWriter {
        void write() throws SQLException;
    }

    /**
     * One transaction: the rows, then the commit. A failure before the commit is a plain
     * failure (rolled back); a failed commit may still have landed ({@link CommitUncertain}).
     */
    private static void writeAndCommit(Connection c, RowWriter rows) throws SQLException, CommitUncertain {
        c.setAutoCommit(false);
        try {
            rows.write();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw e;
        }
        try {
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new CommitUncertain(e);
        }
    }

    private static void batchInsert(Connection c, List<Pending> group, long firstId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            long id = firstId;
            for (Pending p : group) {
                for (NewReport r : p.reports()) {
                    ps.setLong(1, id++);
                    ps.setLong(2, Sql.toNanos(r.receivedAt()));
                    ps.setString(3, r.channel());
                    ps.setString(4, r.contentType());
                    ps.setBytes(5, r.body());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * PostgreSQL's bulk path: one {@code COPY ... FROM STDIN (FORMAT binary)} for the whole
     * group, rows in the binary copy format (a signature and header, then per row a field
     * count and length-prefixed big-endian fields, then -1). Constraints are checked as for
     * INSERT.
     */
    private static void copyIn(Connection c, List<Pending> group, long firstId) throws SQLException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64 * 1024);
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        try {
            out.write(PGCOPY_SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            long id = firstId;
            for (Pending p : group) {
                for (NewReport r : p.reports()) {
                    out.writeShort(5);
                    out.writeInt(8);
                    out.writeLong(id++);
                    out.writeInt(8);
                    out.writeLong(Sql.toNanos(r.receivedAt()));
                    byte[] channel = r.channel().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(channel.length);
                    out.write(channel);
                    byte[] contentType = r.contentType().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(contentType.length);
                    out.write(contentType);
                    out.writeInt(r.body().length);
                    out.write(r.body());
                }
            }
            out.writeShort(-1);
            out.flush();
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            copy.copyIn("COPY journal (id, received_at_ns, channel, content_type, body) FROM STDIN (FORMAT binary)",
                    new java.io.ByteArrayInputStream(bytes.toByteArray()));
        } catch (java.io.IOException e) {
            throw new SQLException("copying journal rows: " + e.getMessage(), "08006", e);
        }
    }

    private static final byte[] PGCOPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it and the database rolls back.
        }
    }

    private void committed(List<Pending> group, long firstId, int count) {
        nextId = firstId + count;
        lastId = nextId - 1;
        transactions++;
        appends += group.size();
        reports += count;
        long id = firstId;
        for (Pending p : group) {
            long[] ids = new long[p.reports().size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id++;
            }
            p.future().complete(ids);
        }
    }

    private void failed(Pending p, Throwable cause) {
        failedAppends++;
        p.future().completeExceptionally(new StoreException("journal append refused: " + Sql.oneLine(cause), cause));
    }

    private Optional<Long> readMaxId() {
        try (Connection c = dataSource.getConnection()) {
            return Optional.of(maxId(c));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static long maxId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM journal");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Optional<JournalEntry> get(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading journal entry " + id, e);
        }
    }

    /**
     * Reads a page at a time by key ({@code id > last ORDER BY id LIMIT n}) and feeds the
     * consumer after the page's connection is back in the pool, so that memory stays bounded,
     * no cursor or read snapshot is held while the consumer works (SQLite could not
     * checkpoint its WAL meanwhile), and the consumer may itself use the store.
     */
    @Override
    public long replay(long afterId, Consumer<JournalEntry> consumer) {
        long last = afterId;
        List<JournalEntry> page = new ArrayList<>(REPLAY_PAGE);
        while (true) {
            page.clear();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, last);
                ps.setInt(2, REPLAY_PAGE);
                ps.setFetchSize(REPLAY_PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(entry(rs));
                    }
                }
            } catch (SQLException e) {
                throw Sql.failure("replaying the journal after id " + last, e);
            }
            for (JournalEntry entry : page) {
                consumer.accept(entry);
                last = entry.id();
            }
            if (page.size() < REPLAY_PAGE) {
                return last;
            }
        }
    }

    private static JournalEntry entry(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong(1), Sql.fromNanos(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getBytes(5));
    }

    @Override
    public long lastId() {
        return lastId;
    }

    @Override
    public JournalStats stats() {
        return new JournalStats(transactions, appends, reports, failedAppends, soloRetries, pendingReports.get());
    }

    /** Refuses new appends, writes every one already queued, then stops the writer. */
    void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(END);
        } finally {
            closing.writeLock().unlock();
        }
        if (Thread.currentThread() == writer) {
            return; // closed from an append's callback: the writer drains the queue and stops after it
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
