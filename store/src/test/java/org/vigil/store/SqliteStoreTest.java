package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file in a fresh temporary folder per test. */
class SqliteStoreTest extends StoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected void prepareEmptyDatabase() {
        // @TempDir is new for every test.
    }

    @Override
    protected Store open(JournalOptions options) {
        return Stores.open(dataDir, Optional.empty(), options);
    }

    @Override
    protected AutoCloseable holdJournalWriteLock() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        return () -> {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            } finally {
                c.close();
            }
        };
    }

    @Override
    protected List<String> childArguments() {
        return List.of("sqlite", dataDir.toString());
    }

    @Test
    void theFileIsInWalModeWithFullSyncAndDescribedByItsPath() throws Exception {
        assertThat(store.describe()).isEqualTo("sqlite:" + dataDir.toAbsolutePath().resolve("vigil.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        // The other settings are per connection: read them from the store's own.
        try (Connection c = ((SqlStore) store).dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(pragma(s, "synchronous")).as("2 = FULL").isEqualTo(2);
            assertThat(pragma(s, "busy_timeout")).isEqualTo(10_000);
            assertThat(pragma(s, "wal_autocheckpoint")).as("no commit checkpoints: WalCheckpointer does").isZero();
            assertThat(pragma(s, "journal_size_limit")).isEqualTo(4_096L * (4_096 + 24));
        }
    }

    @Test
    void theWalIsCheckpointedByItsOwnThreadAndStaysBounded() throws Exception {
        store.close();
        // A small bound (256 pages, 1 MiB) and frequent rounds, so that a few seconds of writing
        // pass it many times over.
        store = Stores.openSqlite(dataDir, JournalOptions.DEFAULTS,
                new WalCheckpointer.Policy(Duration.ofMillis(20), 256));
        Path wal = dataDir.resolve("vigil.db-wal");
        int appends = 240;
        int perAppend = 200;
        long written = (long) appends * perAppend * BODY.length; // 24 MB of bodies
        long largestWal = 0;
        for (int a = 0; a < appends; a++) {
            appendBodies(perAppend);
            largestWal = Math.max(largestWal, sizeOrZero(wal));
            Thread.sleep(10); // at most 10 MB/s: a busy ingest, not a disk benchmark
        }
        WalCheckpointer.Stats stats = checkpointStats();
        assertThat(stats.failures()).isZero();
        assertThat(stats.passive()).isPositive();
        // (Whether a catch-up was needed depends on the machine: at this rate the passive copies
        // alone often find the log wholly copied between two commits, and it restarts.)
        // Without checkpoints the log would hold all 24 MB; with them it stays near its 1 MiB
        // bound plus what is written during one round (more when the disk is shared and slow).
        assertThat(largestWal).isLessThan(written / 3);
        // The copies reached the database file, and nothing was lost on the way.
        assertThat(Files.size(dataDir.resolve("vigil.db"))).isGreaterThan(written / 2);
        assertThat(store.journal().lastId()).isEqualTo((long) appends * perAppend);
        assertThat(store.journal().get(12_345).orElseThrow().body()).isEqualTo(BODY);
    }

    @Test
    void aReaderOfAnOldSnapshotDefersTheRestartWithoutHoldingUpTheJournal() throws Exception {
        store.close();
        store = Stores.openSqlite(dataDir, JournalOptions.DEFAULTS, new WalCheckpointer.Policy(Duration.ofMillis(20), 64));
        Path wal = dataDir.resolve("vigil.db-wal");
        appendBodies(10);
        long largestWhileRead = 0;
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
             Statement s = reader.createStatement()) {
            s.execute("BEGIN");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM journal")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(10);
            }
            // The reader's snapshot pins the log: it grows, the journal goes on (a hang would
            // time the test out), and the catch-ups say they could not copy it all.
            for (int a = 0; a < 60; a++) {
                appendBodies(100);
                largestWhileRead = Math.max(largestWhileRead, sizeOrZero(wal));
            }
            awaitStats(st -> st.catchUpsShort() > 0);
            s.execute("COMMIT");
        }
        assertThat(largestWhileRead).as("60 x 50 KB written while the log could not restart")
                .isGreaterThan(2_000_000);
        // Once the reader is gone, the log restarts and journal_size_limit cuts the file back.
        long catchUpsBefore = checkpointStats().catchUps();
        long smallestAfter = Long.MAX_VALUE;
        for (int a = 0; a < 200 && smallestAfter > 1_000_000; a++) {
            appendBodies(100);
            Thread.sleep(5);
            smallestAfter = Math.min(smallestAfter, sizeOrZero(wal));
        }
        assertThat(checkpointStats().catchUps()).isGreaterThan(catchUpsBefore);
        assertThat(smallestAfter).isLessThan(1_000_000);
        assertThat(checkpointStats().failures()).isZero();
    }

    private static final byte[] BODY = new byte[500];

    static {
        new java.util.Random(42).nextBytes(BODY);
    }

    private void appendBodies(int n) {
        List<NewReport> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(new NewReport(Instant.now(), "cot", "application/x-tak-protobuf", BODY));
        }
        store.journal().append(batch).join();
    }

    private static long sizeOrZero(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private WalCheckpointer.Stats checkpointStats() {
        return ((SqlStore) store).checkpointer().orElseThrow().stats();
    }

    private void awaitStats(java.util.function.Predicate<WalCheckpointer.Stats> condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!condition.test(checkpointStats()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(checkpointStats()).matches(condition);
    }

    private static long pragma(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Every SQLite writer queues on the one writer gate, in Java, rather than in SQLite's busy
     * handler (which sleeps in steps of up to 100 ms): while the gate is held, a track snapshot,
     * an alert and a plan all wait, and each goes through once it is let go.
     */
    @Test
    void trackAlertAndPlanWritesWaitForTheWriterGate() throws Exception {
        java.util.concurrent.locks.Lock gate = ((SqlStore) store).checkpointer().orElseThrow().writerGate();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
        gate.lock();
        try {
            writes.add(writers.submit(() -> store.tracks().update(List.of(new StoredTrack("t-1", 47.5, 34.6, 10, 90, 25,
                    Instant.parse("2026-03-01T10:00:00Z"), 1)), List.of())));
            writes.add(writers.submit(() -> store.alerts().raise("proximity", "k-1", "zaporizhzhia-npp", "t-1",
                    Instant.parse("2026-03-01T10:00:00Z"), null)));
            writes.add(writers.submit(() -> store.plans().save("posture", Instant.parse("2026-03-01T10:00:00Z"), "{}")));
            Thread.sleep(300);
            for (java.util.concurrent.Future<?> w : writes) {
                assertThat(w.isDone()).as("a write went ahead of the writer gate").isFalse();
            }
        } finally {
            gate.unlock();
        }
        for (java.util.concurrent.Future<?> w : writes) {
            w.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertThat(store.tracks().all()).extracting(StoredTrack::id).containsExactly("t-1");
        assertThat(store.alerts().open()).extracting(StoredAlert::key).containsExactly("k-1");
        assertThat(store.plans().latest("posture")).isPresent();
    }

    @Test
    void aMissingDataFolderIsCreated() {
        Path nested = dataDir.resolve("a/b/c");
        try (Store s = Stores.open(nested, Optional.empty())) {
            assertThat(nested.resolve("vigil.db")).exists();
            assertThat(s.journal().lastId()).isZero();
        }
    }
}
