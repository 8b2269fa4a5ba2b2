package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every store test, written once and run against each database by a subclass
 * ({@link SqliteStoreTest}, {@link PostgresStoreTest}). Each test starts from an empty
 * database that the subclass provides.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class StoreContractTest {

    /** Makes the database this test will use empty (a fresh folder, a fresh schema). */
    protected abstract void prepareEmptyDatabase() throws Exception;

    /** Opens (or re-opens) this test's database. */
    protected abstract Store open(JournalOptions options);

    /**
     * Holds the journal table's write lock from another connection until closed, so that the
     * writer stalls on its next transaction and appends pile up in its queue: batching made
     * deterministic with a real lock, not a hook in the code.
     */
    protected abstract AutoCloseable holdJournalWriteLock() throws Exception;

    /** Arguments for {@link CrashAppender} to open this test's database in a child JVM. */
    protected abstract List<String> childArguments();

    protected Store store;

    @BeforeEach
    void openEmptyStore() throws Exception {
        prepareEmptyDatabase();
        store = open(JournalOptions.DEFAULTS);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private Store reopen() {
        store.close();
        store = open(JournalOptions.DEFAULTS);
        return store;
    }

    static NewReport report(String body) {
        return new NewReport(Instant.parse("2026-03-01T10:00:00.123456789Z"), "http", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    static String body(JournalEntry e) {
        return new String(e.body(), StandardCharsets.UTF_8);
    }

    private List<JournalEntry> replayAll() {
        List<JournalEntry> all = new ArrayList<>();
        store.journal().replay(0, all::add);
        return all;
    }

    // ---------------------------------------------------------------- journal

    @Test
    void appendReturnsDenseAscendingIdsInTheOrderGiven() {
        Journal journal = store.journal();
        assertThat(journal.lastId()).isZero();
        long[] first = journal.append(List.of(report("a"), report("b"), report("c"))).join();
        long[] second = journal.append(List.of(report("d"), report("e"))).join();

        assertThat(first).containsExactly(1, 2, 3);
        assertThat(second).containsExactly(4, 5);
        assertThat(journal.lastId()).isEqualTo(5);
        JournalEntry b = journal.get(2).orElseThrow();
        assertThat(body(b)).isEqualTo("b");
        assertThat(b.channel()).isEqualTo("http");
        assertThat(b.contentType()).isEqualTo("application/json");
        assertThat(b.receivedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456789Z"));
        assertThat(journal.get(6)).isEmpty();
        assertThat(journal.append(List.of()).join()).isEmpty();
    }

    @Test
    void rowsOfMixedChannelsAndLongRunsKeepTheirOrderAndFields() {
        // Runs of rows sharing channel and content type, of lengths around the SQLite writer's
        // statement sizes (64 rows down to 1), then a run of another kind, and so on.
        int[] runs = {1, 64, 3, 150, 2, 65, 127, 1, 63};
        String[][] kinds = {{"cot", "application/x-tak-protobuf"}, {"http", "application/json"},
                {"cot", "application/json"}};
        List<NewReport> batch = new ArrayList<>();
        for (int r = 0; r < runs.length; r++) {
            for (int i = 0; i < runs[r]; i++) {
                int n = batch.size();
                batch.add(new NewReport(Instant.ofEpochSecond(1_772_000_000L, n * 1_001L), kinds[r % 3][0],
                        kinds[r % 3][1], ("m" + n).getBytes(StandardCharsets.UTF_8)));
            }
        }
        long[] ids = store.journal().append(batch).join();
        assertThat(ids).containsExactly(java.util.stream.LongStream.rangeClosed(1, batch.size()).toArray());
        List<JournalEntry> all = replayAll();
        assertThat(all).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewReport sent = batch.get(i);
            JournalEntry kept = all.get(i);
            assertThat(kept.id()).isEqualTo(i + 1);
            assertThat(body(kept)).isEqualTo("m" + i);
            assertThat(kept.channel()).isEqualTo(sent.channel());
            assertThat(kept.contentType()).isEqualTo(sent.contentType());
            assertThat(kept.receivedAt()).isEqualTo(sent.receivedAt());
        }
    }

    @Test
    void concurrentAppendersAreGroupCommittedIntoFewerTransactions() throws Exception {
        int threads = 8;
        int appendsPerThread = 250;
        Map<Long, String> bodyById = new ConcurrentHashMap<>();
        List<long[]> idsPerAppend = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                List<CompletableFuture<Void>> done = new ArrayList<>();
                for (int i = 0; i < appendsPerThread; i++) {
                    String b0 = "t" + thread + "-" + i + "-0";
                    String b1 = "t" + thread + "-" + i + "-1";
                    done.add(store.journal().append(List.of(report(b0), report(b1))).thenAccept(ids -> {
                        idsPerAppend.add(ids);
                        bodyById.put(ids[0], b0);
                        bodyById.put(ids[1], b1);
                    }));
                }
                done.forEach(CompletableFuture::join);
            }));
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        int appends = threads * appendsPerThread;
        JournalStats stats = store.journal().stats();
        assertThat(stats.appends()).isEqualTo(appends);
        assertThat(stats.reports()).isEqualTo(2L * appends);
        // Group commit: far fewer transactions (fsyncs) than appends.
        assertThat(stats.transactions()).isLessThanOrEqualTo(appends / 4);
        // Each append's ids are consecutive; together they are exactly 1..N, no gaps, no repeats.
        assertThat(idsPerAppend).allSatisfy(ids -> assertThat(ids[1]).isEqualTo(ids[0] + 1));
        assertThat(bodyById.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 2L * appends).boxed().toList());
        List<JournalEntry> all = replayAll();
        assertThat(all).hasSize(2 * appends);
        for (JournalEntry e : all) {
            assertThat(body(e)).isEqualTo(bodyById.get(e.id()));
        }
    }

    @Test
    void aBadReportFailsItsWholeAppendButNotTheOthersInItsGroup() throws Exception {
        Journal journal = store.journal();
        List<CompletableFuture<long[]>> good = new ArrayList<>();
        CompletableFuture<long[]> bad;
        try (AutoCloseable lock = holdJournalWriteLock()) {
            for (int i = 0; i < 10; i++) {
                good.add(journal.append(List.of(report("before-" + i))));
            }
            // A channel longer than the schema's CHECK allows: the database refuses the row.
            NewReport refused = new NewReport(Instant.now(), "x".repeat(40), "application/json", new byte[] {1});
            bad = journal.append(List.of(report("bad-0"), refused, report("bad-2")));
            for (int i = 0; i < 10; i++) {
                good.add(journal.append(List.of(report("after-" + i))));
            }
            awaitPending(journal, 21);
        }
        assertThatThrownBy(bad::join).hasCauseInstanceOf(StoreException.class)
                .cause().hasMessageContaining("journal append refused")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("check"));
        good.forEach(CompletableFuture::join);
        List<String> kept = replayAll().stream().map(StoreContractTest::body).toList();
        assertThat(kept).hasSize(20).noneMatch(b -> b.startsWith("bad"));
        // Ids stay dense: the refused append's ids went to the next ones.
        assertThat(replayAll().stream().mapToLong(JournalEntry::id).toArray())
                .containsExactly(java.util.stream.LongStream.rangeClosed(1, 20).toArray());
        JournalStats stats = journal.stats();
        assertThat(stats.failedAppends()).isEqualTo(1);
        // It was refused inside a group, and the group's other appends were retried alone.
        assertThat(stats.soloRetries()).isGreaterThan(1);
    }

    /** Waits until the writer is stuck with {@code n} reports queued or in its open transaction. */
    private static void awaitPending(Journal journal, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (journal.stats().pendingReports() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // The writer has taken its first group and is blocked on the lock; give it a moment.
        Thread.sleep(100);
    }

    @Test
    void replayStreamsInIdOrderFromAfterTheGivenId() {
        Journal journal = store.journal();
        int n = 2_500; // more than two replay pages
        List<CompletableFuture<long[]>> futures = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            futures.add(journal.append(List.of(report("r" + i))));
        }
        futures.forEach(CompletableFuture::join);

        List<Long> seen = new ArrayList<>();
        long last = journal.replay(0, e -> {
            seen.add(e.id());
            assertThat(body(e)).isEqualTo("r" + e.id());
        });
        assertThat(last).isEqualTo(n);
        assertThat(seen).hasSize(n).isSorted().doesNotHaveDuplicates();

        List<Long> tail = new ArrayList<>();
        assertThat(journal.replay(1_200, e -> tail.add(e.id()))).isEqualTo(n);
        assertThat(tail).hasSize(n - 1_200).startsWith(1_201L).endsWith((long) n).isSorted();

        AtomicInteger none = new AtomicInteger();
        assertThat(journal.replay(n, e -> none.incrementAndGet())).isEqualTo(n);
        assertThat(none).hasValue(0);
    }

    @Test
    void closeWritesEveryPendingAppendAndRefusesNewOnes() throws Exception {
        Journal journal = store.journal();
        List<CompletableFuture<long[]>> futures = new ArrayList<>();
        Thread closer;
        try (AutoCloseable lock = holdJournalWriteLock()) {
            for (int i = 0; i < 200; i++) {
                futures.add(journal.append(List.of(report("p" + i))));
            }
            awaitPending(journal, 200);
            closer = Thread.ofPlatform().start(store::close);
            Thread.sleep(100);
            assertThat(closer.isAlive()).as("close waits for the pending appends").isTrue();
        }
        closer.join(30_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThatThrownBy(() -> journal.append(List.of(report("late"))).join())
                .hasCauseInstanceOf(StoreException.class).cause().hasMessage("journal is closed");
        store = open(JournalOptions.DEFAULTS);
        assertThat(store.journal().lastId()).isEqualTo(200);
    }

    @Test
    void aFullQueueFailsAppendsFastInsteadOfBlocking() throws Exception {
        store.close();
        store = open(new JournalOptions(1, 5));
        Journal journal = store.journal();
        List<CompletableFuture<long[]>> futures = new ArrayList<>();
        try (AutoCloseable lock = holdJournalWriteLock()) {
            for (int i = 0; i < 20; i++) {
                futures.add(journal.append(List.of(report("q" + i))));
            }
        }
        long full = futures.stream().filter(f -> f.isCompletedExceptionally()).count();
        assertThat(full).isGreaterThanOrEqualTo(14);
        assertThatThrownBy(futures.get(19)::join).hasCauseInstanceOf(JournalFullException.class)
                .cause().hasMessageContaining("journal full");
        long kept = futures.stream().filter(f -> {
            try {
                f.join();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }).count();
        assertThat(kept).isEqualTo(20 - full);
        assertThat(journal.lastId()).isEqualTo(kept);
    }

    // ---------------------------------------------------------------- restart

    @Test
    void reopeningKeepsEverything() {
        store.journal().append(List.of(report("one"), report("two"))).join();
        StoredAlert alert = store.alerts().raise("proximity", "proximity/npp-zap/T1", "npp-zap", "T1",
                Instant.parse("2026-03-01T10:00:00Z"), "{\"rangeM\":4200}").orElseThrow();
        StoredPlan plan = store.plans().save("posture", Instant.parse("2026-03-01T09:00:00Z"), "{\"units\":[]}");
        StoredTrack track = new StoredTrack("T1", 47.51, 34.58, 12.5, 270.0, 25.0,
                Instant.parse("2026-03-01T10:00:01Z"), 2);
        store.tracks().update(List.of(track), List.of());

        reopen();

        assertThat(store.journal().lastId()).isEqualTo(2);
        assertThat(replayAll()).extracting(StoreContractTest::body).containsExactly("one", "two");
        assertThat(store.alerts().open()).containsExactly(alert);
        assertThat(store.plans().latest("posture")).contains(plan);
        assertThat(store.tracks().all()).containsExactly(track);
        // New appends continue after the old ids, and the open alert still de-duplicates.
        assertThat(store.journal().append(List.of(report("three"))).join()).containsExactly(3);
        assertThat(store.alerts().raise("proximity", "proximity/npp-zap/T1", "npp-zap", "T1",
                Instant.parse("2026-03-01T10:05:00Z"), null)).isEmpty();
    }

    @Test
    void aKillNineLosesNoAcknowledgedReport() throws Exception {
        store.close();
        store = null;
        Path stderr = Files.createTempFile("vigil-crash-child", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashAppender.class.getName()));
        command.addAll(childArguments());
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
                .start();
        Pattern ack = Pattern.compile("ACK (\\d+) (t\\d+-\\d+-\\d+)\\.");
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        CountDownLatch enough = new CountDownLatch(1);
        int target = 10_000;
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = ack.matcher(line);
                    if (m.matches()) {
                        acknowledged.put(Long.parseLong(m.group(1)), m.group(2));
                        if (acknowledged.size() >= target) {
                            enough.countDown();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the pipe closes when the child dies
            }
        });
        boolean reached = enough.await(90, TimeUnit.SECONDS);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-transaction
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(reached).as("child acknowledged %d reports before the kill; its stderr: %s",
                target, Files.readString(stderr)).isTrue();
        assertThat(child.exitValue()).as("killed, not exited").isEqualTo(137);

        store = open(JournalOptions.DEFAULTS);
        Map<Long, String> journaled = new java.util.HashMap<>();
        store.journal().replay(0, e -> journaled.put(e.id(), body(e)));
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(target);
        for (Map.Entry<Long, String> a : acknowledged.entrySet()) {
            assertThat(journaled.get(a.getKey())).as("acknowledged id %d", a.getKey()).isEqualTo(a.getValue());
        }
        // The journal is still whole: ids 1..last with no gap, and appending goes on after them.
        long last = store.journal().lastId();
        assertThat(journaled.keySet()).hasSize((int) last);
        assertThat(store.journal().append(List.of(report("after the crash"))).join()).containsExactly(last + 1);
    }

    // ---------------------------------------------------------------- alerts

    @Test
    void anOpenConditionRaisesOneAlertEvenUnderConcurrency() throws Exception {
        int threads = 8;
        int keys = 20;
        AtomicInteger raised = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int k = 0; k < keys; k++) {
                        if (store.alerts().raise("massing", "massing/cell-" + k, null, null, Instant.now(), "{}")
                                .isPresent()) {
                            raised.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(errors).isEmpty();
        assertThat(raised).hasValue(keys);
        assertThat(store.alerts().open()).hasSize(keys)
                .extracting(StoredAlert::key).doesNotHaveDuplicates();
    }

    @Test
    void alertsAreAcknowledgedClosedAndRaisedAgainAfterClosing() {
        AlertStore alerts = store.alerts();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        StoredAlert a = alerts.raise("proximity", "proximity/npp-zap/T1", "npp-zap", "T1", t0, "{\"km\":4.2}")
                .orElseThrow();
        assertThat(a).isEqualTo(new StoredAlert(a.id(), "proximity", "proximity/npp-zap/T1", "npp-zap", "T1", t0,
                false, true, "{\"km\":4.2}"));
        StoredAlert b = alerts.raise("contact-line", "contact-line/T2", null, "T2", t0.plusSeconds(1), null)
                .orElseThrow();
        assertThat(alerts.raise("proximity", "proximity/npp-zap/T1", "npp-zap", "T1", t0.plusSeconds(5), null))
                .as("same condition while open").isEmpty();

        assertThat(alerts.acknowledge(a.id())).isTrue();
        assertThat(alerts.acknowledge(9_999)).isFalse();
        assertThat(alerts.get(a.id()).orElseThrow().acknowledged()).isTrue();
        assertThat(alerts.get(a.id()).orElseThrow().open()).as("acknowledged is still open").isTrue();
        assertThat(alerts.raise("proximity", "proximity/npp-zap/T1", "npp-zap", "T1", t0.plusSeconds(6), null))
                .as("acknowledging does not clear the condition").isEmpty();

        assertThat(alerts.close("proximity/npp-zap/T1")).isTrue();
        assertThat(alerts.close("proximity/npp-zap/T1")).isFalse();
        assertThat(alerts.open()).extracting(StoredAlert::id).containsExactly(b.id());
        StoredAlert again = alerts.raise("proximity", "proximity/npp-zap/T1", "npp-zap", "T1", t0.plusSeconds(60),
                null).orElseThrow();
        assertThat(again.id()).isGreaterThan(b.id());

        assertThat(alerts.recent(10)).extracting(StoredAlert::id).containsExactly(again.id(), b.id(), a.id());
        assertThat(alerts.recent(2)).extracting(StoredAlert::id).containsExactly(again.id(), b.id());
        assertThat(alerts.get(a.id()).orElseThrow().open()).isFalse();
        assertThat(alerts.get(b.id()).orElseThrow().siteId()).isNull();
        assertThat(alerts.get(12_345)).isEmpty();
    }

    // ---------------------------------------------------------------- plans and tracks

    @Test
    void theLatestPlanOfEachKindIsServed() {
        PlanStore plans = store.plans();
        assertThat(plans.latest("posture")).isEmpty();
        Instant t = Instant.parse("2026-03-01T08:00:00Z");
        StoredPlan p1 = plans.save("posture", t, "{\"v\":1}");
        StoredPlan p2 = plans.save("posture", t.plusSeconds(60), "{\"v\":2}");
        StoredPlan isr = plans.save("isr", t.plusSeconds(120), "{\"passes\":[]}");
        plans.save("posture", t.minusSeconds(3600), "{\"v\":0}"); // an older plan saved late
        assertThat(p2.id()).isGreaterThan(p1.id());
        assertThat(plans.latest("posture")).contains(p2);
        assertThat(plans.latest("isr")).contains(isr);
    }

    @Test
    void tracksAreReplacedAndDeletedInOneUpdate() {
        TrackStore tracks = store.tracks();
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        StoredTrack a1 = new StoredTrack("A", 47.0, 34.0, 10.0, 90.0, 30.0, t, 1);
        StoredTrack b1 = new StoredTrack("B", 48.0, 35.0, 0.0, 0.0, 50.0, t, 2);
        StoredTrack c1 = new StoredTrack("C", 49.0, 36.0, 200.0, 180.0, 100.0, t, 3);
        tracks.update(List.of(a1, b1, c1), List.of());
        StoredTrack a2 = new StoredTrack("A", 47.001, 34.002, 11.0, 91.0, 28.0, t.plusSeconds(1), 4);
        StoredTrack a3 = new StoredTrack("A", 47.002, 34.004, 12.0, 92.0, 27.0, t.plusSeconds(2), 5);
        tracks.update(List.of(a2, a3), List.of("B", "nonexistent"));
        assertThat(tracks.all()).containsExactly(a3, c1);
        tracks.update(List.of(), List.of("A", "C"));
        assertThat(tracks.all()).isEmpty();
    }

    static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
    }
}
