package org.vigil.store.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.store.Journal;
import org.vigil.store.JournalOptions;
import org.vigil.store.JournalStats;
import org.vigil.store.NewReport;
import org.vigil.store.Store;
import org.vigil.store.Stores;

/**
 * Journal throughput: K threads append N reports of about 300 bytes (a CoT detection's XML),
 * or with {@code --body-bytes B} of B bytes on channel {@code cot} as TAK protocol (what the
 * CoT ingest journals), each thread keeping a window of appends in flight as an ingest
 * connection would, and the journal group-commits them. Prints one JSON line per database:
 * reports per second, transactions (fsyncs) and how many reports each carried,
 * append-to-durable latency, the JVM's CPU per report and the journal writer thread's alone
 * (the one thread every report passes through; it also runs the appends' completion
 * callbacks, here a latency record each), SQLite's largest WAL file seen, and the
 * machine's load average (figures from a busy machine are noise).
 * With {@code --rate R} the threads offer R reports/s in total (open loop) instead of as many
 * as the journal takes, to read the latency at a given load.
 *
 * <pre>
 * JournalBench [--reports N] [--threads K] [--append-size B] [--in-flight W]
 *              [--max-batch M] [--rate R] [--body-bytes S] [--sqlite-dir DIR] [--db jdbc:postgresql://...]
 *              [--no-sqlite]
 * </pre>
 *
 * SQLite runs in a fresh temporary folder unless {@code --sqlite-dir} is given. PostgreSQL
 * runs when {@code --db} is given, in schema {@code vigil_bench}, which it creates first and
 * drops afterwards (so it never touches the tables of a real Vigil database).
 */
public final class JournalBench {

    static final String USAGE = """
            usage: JournalBench [--reports N] [--threads K] [--append-size B] [--in-flight W]
                                [--max-batch M] [--rate R] [--body-bytes S] [--sqlite-dir DIR] [--db URL]
                                [--no-sqlite]
              --reports N      reports to append after a warm-up (default 500000)
              --threads K      appending threads, like ingest connections (default 4)
              --append-size B  reports per append, all or nothing (default 1)
              --in-flight W    unfinished appends each thread allows (default 256)
              --max-batch M    reports per group-commit transaction at most (default 4096)
              --rate R         offer R reports/s in total (open loop) instead of as fast as taken
              --body-bytes S   bodies of S bytes on channel cot as TAK protocol (CoT ingest's rows)
                               instead of a 300-byte CoT XML event on cot-tcp
              --sqlite-dir DIR SQLite in DIR instead of a fresh temporary folder
              --db URL         also PostgreSQL (jdbc:postgresql://...), in schema vigil_bench (dropped after)
              --no-sqlite      PostgreSQL only
            Prints one JSON line per database.""";

    /** Held so that the level set on it stays set (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private JournalBench() {
    }

    /** {@code ratePerSecond} 0: as fast as the journal takes them (closed loop). */
    record Settings(long reports, int threads, int appendSize, int inFlightPerThread, int maxBatch,
                    long ratePerSecond, int bodyBytes, Optional<Path> sqliteDir, Optional<String> pgUrl,
                    boolean sqlite) {
    }

    /** The journal's writer thread, by the name GroupCommitJournal gives it. */
    private static final String WRITER_THREAD = "vigil-journal-writer";

    public static void main(String[] args) throws Exception {
        try {
            bench(args);
        } catch (IllegalArgumentException e) {
            System.err.println("journal bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void bench(String[] args) throws Exception {
        // Flyway logs each migration at INFO through java.util.logging when no SLF4J backend is present.
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        Settings s = parse(args);
        JournalOptions options = new JournalOptions(s.maxBatch(), Math.max(JournalOptions.DEFAULTS.maxPendingReports(),
                s.maxBatch()));
        if (s.sqlite()) {
            Path dir = s.sqliteDir().orElse(null);
            boolean temporary = dir == null;
            if (temporary) {
                dir = Files.createTempDirectory("vigil-journal-bench");
            }
            try (Store store = Stores.open(dir, Optional.empty(), options)) {
                System.out.println(run(store, s, Optional.of(dir.resolve("vigil.db-wal"))));
            } finally {
                if (temporary) {
                    deleteTree(dir);
                }
            }
        }
        if (s.pgUrl().isPresent()) {
            String base = s.pgUrl().get();
            try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS vigil_bench CASCADE");
                st.execute("CREATE SCHEMA vigil_bench");
            } catch (SQLException e) {
                throw new IllegalArgumentException("cannot prepare schema vigil_bench: " + e.getMessage());
            }
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=vigil_bench";
            try (Store store = Stores.open(Path.of("."), Optional.of(url), options)) {
                System.out.println(run(store, s, Optional.empty()));
            } finally {
                try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS vigil_bench CASCADE");
                }
            }
        }
    }

    /** {@code wal}: SQLite's write-ahead log, whose size is sampled during the run (empty: PostgreSQL). */
    static String run(Store store, Settings s, Optional<Path> wal) throws InterruptedException {
        Journal journal = store.journal();
        // Warm up: JIT, connections, prepared statements.
        runThreads(journal, s, Math.min(s.reports() / 10, 20_000), new long[0][]);
        JournalStats before = journal.stats();
        long[][] latencies = new long[s.threads()][];
        AtomicLong walMaxBytes = new AtomicLong();
        Thread walSampler = Thread.ofPlatform().daemon().name("bench-wal-sampler").start(() -> {
            while (wal.isPresent() && !Thread.currentThread().isInterrupted()) {
                try {
                    walMaxBytes.accumulateAndGet(Files.size(wal.get()), Math::max);
                } catch (IOException e) {
                    // not created yet, or just truncated
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long writerCpuStart = threadCpuNanos(WRITER_THREAD);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        runThreads(journal, s, s.reports(), latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double writerCpuSeconds = (threadCpuNanos(WRITER_THREAD) - writerCpuStart) / 1e9;
        walSampler.interrupt();
        walSampler.join();
        JournalStats after = journal.stats();
        long transactions = after.transactions() - before.transactions();
        long reports = after.reports() - before.reports();
        long[] all = Arrays.stream(latencies).filter(a -> a != null).flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(Locale.ROOT,
                "{\"db\":\"%s\",\"reports\":%d,\"threads\":%d,\"appendSize\":%d,\"inFlightPerThread\":%d,"
                        + "\"offeredPerSecond\":%d,"
                        + "\"maxBatch\":%d,\"seconds\":%.3f,\"reportsPerSecond\":%.0f,\"transactions\":%d,"
                        + "\"reportsPerTransaction\":%.1f,\"appendP50Ms\":%.2f,\"appendP99Ms\":%.2f,"
                        + "\"appendMaxMs\":%.2f,\"jvmCpuUsPerReport\":%.2f,\"writerCpuUsPerReport\":%.2f,"
                        + "\"bodyBytes\":%d,\"walMaxBytes\":%d,\"cores\":%d,\"loadAverage\":%.1f}",
                store.describe(), reports, s.threads(), s.appendSize(), s.inFlightPerThread(), s.ratePerSecond(),
                s.maxBatch(), seconds,
                reports / seconds, transactions, transactions == 0 ? 0.0 : (double) reports / transactions,
                percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                all.length == 0 ? 0.0 : all[all.length - 1] / 1e6, cpuSeconds * 1e6 / Math.max(1, reports),
                writerCpuSeconds * 1e6 / Math.max(1, reports), bodyBytes(s), walMaxBytes.get(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of this JVM, all threads: with the load average, tells a busy machine from a slow journal. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** CPU time of the live thread named {@code name} (0 if there is none or it cannot be measured). */
    private static long threadCpuNanos(String name) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name) && threads.isThreadCpuTimeSupported()) {
                return Math.max(0, threads.getThreadCpuTime(t.threadId()));
            }
        }
        return 0;
    }

    private static int bodyBytes(Settings s) {
        return s.bodyBytes() > 0 ? s.bodyBytes() : detection(0).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Each thread appends its share with at most {@code inFlightPerThread} appends unfinished. */
    private static void runThreads(Journal journal, Settings s, long reports, long[][] latencies)
            throws InterruptedException {
        int threads = s.threads();
        long appendsTotal = Math.max(1, reports / s.appendSize());
        CountDownLatch done = new CountDownLatch(threads);
        AtomicLong failures = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long appends = appendsTotal / threads + (t < appendsTotal % threads ? 1 : 0);
            long[] lat = latencies.length > thread ? new long[(int) appends] : null;
            if (lat != null) {
                latencies[thread] = lat;
            }
            // Open loop when a rate is given: append i is due at start + i * interval, and its
            // latency counts from when it was due, so a stalled journal cannot hide its stall.
            long intervalNs = s.ratePerSecond() == 0 ? 0
                    : (long) (1e9 * s.appendSize() * threads / (double) s.ratePerSecond());
            workers.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                long startNs = System.nanoTime() + thread * (intervalNs / Math.max(1, threads));
                Semaphore window = new Semaphore(s.inFlightPerThread());
                boolean tak = s.bodyBytes() > 0;
                byte[] template = tak ? takBody(thread, s.bodyBytes()) : detection(thread).getBytes(StandardCharsets.UTF_8);
                String channel = tak ? "cot" : "cot-tcp";
                String contentType = tak ? "application/x-tak-protobuf" : "application/cot+xml";
                for (int i = 0; i < appends; i++) {
                    long due = startNs + i * intervalNs;
                    if (intervalNs > 0) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    window.acquireUninterruptibly();
                    List<NewReport> batch = new ArrayList<>(s.appendSize());
                    Instant now = Instant.now();
                    for (int j = 0; j < s.appendSize(); j++) {
                        batch.add(new NewReport(now, channel, contentType, template));
                    }
                    long sent = intervalNs > 0 ? due : System.nanoTime();
                    int index = i;
                    journal.append(batch).whenComplete((ids, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                        if (lat != null) {
                            lat[index] = System.nanoTime() - sent;
                        }
                        window.release();
                    });
                }
                window.acquireUninterruptibly(s.inFlightPerThread());
                done.countDown();
            }));
        }
        done.await();
        for (Thread w : workers) {
            w.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " appends failed during the benchmark");
        }
    }

    /** A CoT detection event of about 300 bytes, as a TAK client would send it. */
    static String detection(int thread) {
        return "<event version=\"2.0\" uid=\"bench-" + thread + "-0000001\" type=\"a-u-G\" how=\"m-g\""
                + " time=\"2026-03-01T10:00:00.000Z\" start=\"2026-03-01T10:00:00.000Z\""
                + " stale=\"2026-03-01T10:05:00.000Z\"><point lat=\"47.512345\" lon=\"34.583210\""
                + " hae=\"0\" ce=\"25.0\" le=\"9999999\"/><detail><contact callsign=\"drone-7\"/>"
                + "</detail></event>";
    }

    /**
     * A stand-in for a TAK protocol message of {@code bytes} bytes: the store never looks inside
     * a body, so only its size matters; random bytes, so that no layer can gain from repeats.
     */
    static byte[] takBody(int thread, int bytes) {
        byte[] body = new byte[bytes];
        new java.util.Random(thread).nextBytes(body);
        return body;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static Settings parse(String[] args) {
        long reports = 500_000;
        int threads = 4;
        int appendSize = 1;
        int inFlight = 256;
        int maxBatch = JournalOptions.DEFAULTS.maxBatchReports();
        long rate = 0;
        int bodyBytes = 0;
        Optional<Path> dir = Optional.empty();
        Optional<String> url = Optional.empty();
        boolean sqlite = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-sqlite")) {
                sqlite = false;
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--reports" -> reports = positive(a, Long.parseLong(v));
                    case "--threads" -> threads = (int) positive(a, Integer.parseInt(v));
                    case "--append-size" -> appendSize = (int) positive(a, Integer.parseInt(v));
                    case "--in-flight" -> inFlight = (int) positive(a, Integer.parseInt(v));
                    case "--max-batch" -> maxBatch = (int) positive(a, Integer.parseInt(v));
                    case "--rate" -> rate = positive(a, Long.parseLong(v));
                    case "--body-bytes" -> bodyBytes = (int) positive(a, Integer.parseInt(v));
                    case "--sqlite-dir" -> dir = Optional.of(Path.of(v));
                    case "--db" -> url = Optional.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + a + ": '" + v + "' is not a whole number");
            }
        }
        return new Settings(reports, threads, appendSize, inFlight, maxBatch, rate, bodyBytes, dir, url, sqlite);
    }

    private static long positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("option " + option + " must be at least 1, got " + value);
        }
        return value;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
