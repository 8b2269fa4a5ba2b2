package org.vigil.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cot.codec.DecodeResult;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.server.CotServer;
import org.vigil.cot.server.Received;
import org.vigil.store.Journal;
import org.vigil.store.JournalEntry;
import org.vigil.store.NewReport;
import org.vigil.store.StoredAlert;
import org.vigil.store.StoredTrack;
import org.vigil.store.Store;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.site.Site;
import org.vigil.track.geo.LocalTangentPlane;
import org.vigil.watch.cot.CotReports;
import org.vigil.watch.fuse.Fusion;
import org.vigil.watch.ingest.InvalidReportException;
import org.vigil.watch.ingest.ReportJson;
import org.vigil.watch.ingest.ReportValidation;
import org.vigil.watch.rules.AlertRules;
import org.vigil.watch.rules.RuleEngine;

/**
 * The live pipeline: ingest -> journal -> tracker -> alert rules -> fan-out.
 *
 * <h2>Wiring (what {@code vigil serve} does)</h2>
 * <pre>{@code
 * Store store = Stores.open(dataDir, jdbcUrl);
 * Pipeline live = new Pipeline(theatre, store, AlertRules.defaults(),   // or AlertRules.load(rulesFile)
 *         Clock.systemUTC(), PipelineConfig.defaults().withMeters(registry));
 * live.start();              // replays the journal (blocks until the picture is rebuilt), then runs
 * live.attach(cotServer);    // CoT detections in, tracks and alerts out to TAK clients
 * ... live.ingest("http", reports) ...
 * live.close();              // journals what is waiting, fuses it, writes the last snapshot
 * store.close();             // the pipeline does not own the store
 * }</pre>
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@link #ingest} (HTTP, simulator): validates the whole batch (nothing is journaled from a
 *       batch with one bad report: the future fails with {@link InvalidReportException} naming the
 *       report and field), journals it as JSON ({@link ReportJson}) and completes with the ids
 *       once the journal says they are durable; only then are they queued for the tracker.</li>
 *   <li>CoT: the COP server's I/O threads classify each inbound event ({@link CotReports}) and
 *       queue the detections; one journal thread takes up to 4,096 waiting detections at a time,
 *       journals each as the TAK protocol payload it arrived in (encoding only those that came
 *       as XML) and appends them as one batch (the store
 *       group-commits across batches). CoT has no acknowledgement: a detection counts as
 *       accepted once journaled. When more than 50,000 journaled detections wait for the tracker,
 *       the journal thread pauses; the waiting queue ({@code queueCapacity}) fills and the I/O
 *       threads wait to add to it, up to 10 s before a detection is dropped and counted: the
 *       senders are held back by TCP rather than queued without end.</li>
 *   <li>One tracker thread (the single writer of the tracks) takes journaled reports as they
 *       complete, gathers them for {@code batchDelay}, fuses them ({@link Fusion}), runs the
 *       rules ({@link RuleEngine}) and hands the changes to one fan-out thread, which tells the
 *       {@link LiveListener}s and publishes CoT. Each track goes to the listeners at most once
 *       per {@code trackPublishInterval} (latest state wins; a deletion always goes out) and to
 *       TAK clients once in every 5 s period, each track at its own point of the period (so that
 *       thousands of tracks started together do not go out in one burst every 5 s).</li>
 *   <li>A massing thread counts the tracks per H3 cell every few seconds of data time (an H3
 *       lookup per track) and hands the counts back to the tracker thread, which raises and
 *       clears the massing conditions: the tracker does not stall 10-20 ms for them.</li>
 *   <li>A snapshot thread writes changed and deleted tracks to the {@code TrackStore} every
 *       {@code snapshotInterval}, in transactions of 256 tracks (the journal shares the
 *       database's single writer and must not wait behind one long snapshot).</li>
 * </ul>
 *
 * <h2>Restart</h2>
 * {@link #start()} replays the journal (from the first report received within
 * {@code replayWindow} of the last one) through the same fusion and rules, in id order, without
 * telling listeners or TAK clients anything; the alert book then reconciles with the
 * {@code AlertStore}'s open alerts (no duplicates), the rebuilt tracks are written to the track
 * store, and live ingest begins. Track ids are the journal ids of the reports that started them,
 * so they come back the same - for tracks started within the replay window. A track older than
 * the window comes back under a new id (the report it started from is not replayed), and an open
 * alert about its old id is left open as it was; the window ({@code replayWindow}, an hour by
 * default) bounds the restart time: replay decodes and fuses tens of thousands of reports a second.
 *
 * <h2>Meters</h2>
 * Registered on {@link PipelineConfig#meters()} (Prometheus names):
 * {@code vigil_reports_ingested_total{channel}} (journaled), {@code vigil_reports_rejected_total{channel}}
 * (refused as invalid), {@code vigil_reports_dropped_total} (CoT detections dropped when the
 * journal could not keep up for a second), {@code vigil_reports_late_total} (journaled, too late
 * to fuse), {@code vigil_reports_fused_total}, {@code vigil_report_to_track_seconds} (from
 * acceptance to the track update it caused, with percentiles), {@code vigil_scan_seconds},
 * {@code vigil_scan_reports}, {@code vigil_tracks}, {@code vigil_tracker_queue},
 * {@code vigil_journal_transactions_total}, {@code vigil_alerts_raised_total}, {@code vigil_journal_failures_total}.
 */
public final class Pipeline implements LivePicture {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Largest CoT batch appended to the journal at once. */
    private static final int COT_BATCH = 4096;
    /** Journal appends of CoT batches in flight at once. */
    private static final int COT_APPENDS_IN_FLIGHT = 4;
    /** Tracker epoch: any instant before the reports (seconds since it are doubles with microsecond resolution for decades). */
    private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    private static final int REPLAY_BATCH = 2048;
    /** Track rows per snapshot transaction. */
    private static final int SNAPSHOT_CHUNK = 256;
    /** The most reports fused as one batch: a tracker that fell behind catches up in steps, publishing as it goes. */
    private static final int MAX_BATCH = 20_000;
    /**
     * Journaled CoT detections waiting for the tracker beyond which the CoT journal thread pauses:
     * the single-writer tracker is the stage that cannot be parallelised, so when it falls behind
     * the senders are held back (TCP back-pressure) rather than queued without end.
     */
    private static final int TRACKER_BACKLOG = 50_000;

    private final Theatre theatre;
    private final Store store;
    private final Journal journal;
    private final Clock clock;
    private final PipelineConfig config;
    private final Fusion fusion;
    private final RuleEngine rules;
    private final AlertBook book;
    private final CotReports cot;

    private final BlockingQueue<Fusion.Input> trackerQueue = new LinkedBlockingQueue<>();
    private final BlockingQueue<PendingCot> cotQueue;
    private final Semaphore cotAppends = new Semaphore(COT_APPENDS_IN_FLIGHT);
    private final Map<String, TrackView> picture = new ConcurrentHashMap<>();
    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CotServer> servers = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Runnable> fanOut = new LinkedBlockingQueue<>();
    /** Fan-out work the tracker thread has gathered since its last hand-over (tracker thread only). */
    private List<Runnable> outbox = new ArrayList<>();

    // owned by the tracker thread
    /** Per live track, when it last went out (one map lookup per change, no boxed times). */
    private final Map<String, Outlet> outlets = new HashMap<>();
    /**
     * Each track goes to TAK clients at most this often (every client gets every track: 10,000
     * tracks to 100 clients once a second would be a million events a second; TAK clients
     * dead-reckon a track between updates from its course and speed).
     */
    private static final long COT_TRACK_INTERVAL_NANOS = 5_000_000_000L;
    /** The outlets holding a state back (a set: a track is held at most once). */
    private final Set<Outlet> pendingPublish = new LinkedHashSet<>();

    /**
     * One track's publication state: when it last went to the listeners and to TAK clients
     * ({@link System#nanoTime()}, 0 never), and the latest state the rate limit holds back, since when.
     */
    private static final class Outlet {
        /** Where in each CoT period this track goes out: spread evenly over the period by its id. */
        final long cotPhaseNanos;
        long lastPublishNanos;
        long lastCotNanos;
        Fusion.TrackState held;
        long heldSinceNanos;

        Outlet(String trackId) {
            // Fibonacci hashing: consecutive ids (tracks are numbered by journal id) land far apart.
            long mixed = (trackId.hashCode() * 0x9E3779B97F4A7C15L) >>> 1;
            cotPhaseNanos = mixed % COT_TRACK_INTERVAL_NANOS;
        }
    }
    private boolean replaying;
    /**
     * Massing counts (an H3 lookup per track, 10-20 ms at 10,000 tracks) are made on a thread of
     * their own from the picture as it stands, so that the tracker does not stall for them every
     * few seconds; the tracker thread then raises and clears the conditions ({@link #trackerTasks}).
     */
    private final ExecutorService massingCounter =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("vigil-massing").daemon().factory());
    /** Work handed back to the tracker thread, run between its batches. */
    private final Queue<Runnable> trackerTasks = new ConcurrentLinkedQueue<>();
    /** A massing count is being made (tracker thread only). */
    private boolean massingInFlight;
    private double lastMassingSeconds = Double.NEGATIVE_INFINITY;
    private long lastBorderCheckNanos;
    private long lastPendingFlushNanos;

    // snapshot hand-over between the tracker and snapshot threads
    private final Object snapshotLock = new Object();
    /** Each changed track's latest state since the last snapshot (made a row only when written: one row per track, not per change). */
    private Map<String, Fusion.TrackState> dirty = new HashMap<>();
    private Set<String> gone = new HashSet<>();

    private final Counter dropped;
    private final Counter late;
    private final Counter fused;
    private final Counter journalFailures;
    private final Counter alertsRaised;
    private final Timer reportToTrack;
    private final Timer scanTime;
    private final DistributionSummary scanReports;
    private final MeterRegistry meters;
    private final Map<String, Counter> ingested = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final LongAdder acceptedTotal = new LongAdder();
    private final AtomicLong lastJournalId = new AtomicLong();

    private volatile boolean running;
    private volatile boolean closing;
    private Thread trackerThread;
    private Thread cotThread;
    private Thread fanOutThread;
    private Thread snapshotThread;

    /**
     * Builds the pipeline; nothing runs until {@link #start()}.
     *
     * @param theatre the sites, contact line and borders the rules guard; its centre is the tracker's tangent plane
     * @param store   journal, alerts and tracks (the pipeline does not close it)
     * @param rules   the alert rules ({@link AlertRules#defaults()} or {@link AlertRules#load})
     * @param clock   server time: report acceptance, the future-skew check, the border-watch revisit clock
     * @param config  tuning ({@link PipelineConfig#defaults()})
     */
    public Pipeline(Theatre theatre, Store store, AlertRules rules, Clock clock, PipelineConfig config) {
        this.theatre = theatre;
        this.store = store;
        this.journal = store.journal();
        this.clock = clock;
        this.config = config;
        this.cot = config.cot();
        this.cotQueue = new ArrayBlockingQueue<>(config.queueCapacity());
        double[] centre = centre(theatre);
        this.fusion = new Fusion(config.tracker(), new LocalTangentPlane(centre[0], centre[1], config.surfaceHeightMetres()),
                config.surfaceHeightMetres(), config.scanSpan(), config.maxLag(), config.attributionRadiusMetres(), EPOCH);
        this.rules = new RuleEngine(theatre, rules);
        this.book = new AlertBook(store.alerts(), this::emitAlert);
        this.meters = config.meters() == null ? new SimpleMeterRegistry() : config.meters();
        this.dropped = Counter.builder("vigil.reports.dropped")
                .description("CoT detections dropped because the journal could not keep up").register(meters);
        this.late = Counter.builder("vigil.reports.late")
                .description("journaled reports too late (out of sequence) to fuse").register(meters);
        this.fused = Counter.builder("vigil.reports.fused").description("reports fed to the tracker").register(meters);
        this.journalFailures = Counter.builder("vigil.journal.failures")
                .description("journal appends that failed").register(meters);
        this.alertsRaised = Counter.builder("vigil.alerts.raised").description("alerts raised").register(meters);
        this.reportToTrack = Timer.builder("vigil.report.to.track")
                .description("from a report's acceptance to the track update it caused")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
        this.scanTime = Timer.builder("vigil.scan").description("time to fuse one batch of reports").register(meters);
        this.scanReports = DistributionSummary.builder("vigil.scan.reports").description("reports per fused batch")
                .register(meters);
        Gauge.builder("vigil.tracks", picture, Map::size).description("confirmed tracks").register(meters);
        Gauge.builder("vigil.tracker.queue", trackerQueue, Collection::size)
                .description("journaled reports waiting for the tracker").register(meters);
        FunctionCounter.builder("vigil.journal.transactions", store.journal(),
                        j -> j.stats().transactions())
                .description("journal transactions committed (one fsync each; group commit puts many reports in one)")
                .register(meters);
    }

    /** Centre of the theatre's border envelope: the tracker's tangent-plane origin. */
    private static double[] centre(Theatre theatre) {
        var env = theatre.borderArea().getEnvelopeInternal();
        if (env.isNull()) {
            return new double[] {48.5, 31.0};
        }
        return new double[] {(env.getMinY() + env.getMaxY()) / 2, (env.getMinX() + env.getMaxX()) / 2};
    }

    /**
     * Replays the journal (blocking until the picture is rebuilt and open alerts reconciled),
     * then starts the threads. Returns this pipeline.
     */
    public synchronized Pipeline start() {
        if (running) {
            throw new IllegalStateException("already started");
        }
        replay();
        running = true;
        fanOutThread = Thread.ofPlatform().name("vigil-fanout").daemon().start(this::fanOutLoop);
        trackerThread = Thread.ofPlatform().name("vigil-tracker").daemon().start(this::trackerLoop);
        cotThread = Thread.ofPlatform().name("vigil-journal-cot").daemon().start(this::cotLoop);
        snapshotThread = Thread.ofPlatform().name("vigil-snapshot").daemon().start(this::snapshotLoop);
        return this;
    }

    // ---------------------------------------------------------------- replay

    private void replay() {
        long t0 = System.nanoTime();
        replaying = true;
        long last = journal.lastId();
        long from = last == 0 ? 0 : firstIdWithin(last);
        Instant watchSince = clock.instant();
        List<Fusion.Input> batch = new ArrayList<>(REPLAY_BATCH);
        long[] count = {0};
        Instant[] first = {null};
        TakProtoCodec proto = new TakProtoCodec();
        long lastReplayed = journal.replay(from, entry -> {
            Optional<Report> r = decode(entry, proto);
            if (r.isEmpty()) {
                return;
            }
            if (first[0] == null) {
                first[0] = entry.receivedAt();
            }
            batch.add(new Fusion.Input(entry.id(), r.get(), 0));
            count[0]++;
            if (batch.size() >= REPLAY_BATCH) {
                process(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            process(batch);
        }
        lastJournalId.set(lastReplayed);
        // the revisit clock of every border segment starts at the replayed history's start (or now)
        rules.startBorderWatch(first[0] == null ? watchSince : first[0]);
        replaying = false;
        pendingPublish.clear();
        long replayedFrom = from;
        book.goLive(a -> a.trackId() != null && trackBornBefore(a.trackId(), replayedFrom));
        rules.borderWatch(clock.instant(), book);
        List<StoredTrack> all = new ArrayList<>();
        for (TrackView v : picture.values()) {
            all.add(stored(v, 0));
        }
        Set<String> stale = new HashSet<>();
        for (StoredTrack s : store.tracks().all()) {
            if (!picture.containsKey(s.id())) {
                stale.add(s.id());
            }
        }
        store.tracks().update(all, stale);
        LOG.info("replayed {} reports (journal ids {}..{}) in {} ms: {} tracks, {} conditions holding", count[0], from + 1,
                lastReplayed, (System.nanoTime() - t0) / 1_000_000, picture.size(), book.holding());
    }

    /** True when a track id ("T" and the journal id that started it) names a report at or before {@code id}. */
    private static boolean trackBornBefore(String trackId, long id) {
        try {
            return trackId.startsWith("T") && Long.parseLong(trackId.substring(1)) <= id;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The id after which replay starts: the last id received more than {@code replayWindow} before the newest report. */
    private long firstIdWithin(long last) {
        Optional<JournalEntry> newest = journal.get(last);
        if (newest.isEmpty()) {
            return 0;
        }
        Instant cutoff = newest.get().receivedAt().minus(config.replayWindow());
        long lo = 0, hi = last; // invariant: entry lo (if > 0) is before the cutoff; entry hi is not
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            Optional<JournalEntry> e = journal.get(mid);
            if (e.isPresent() && e.get().receivedAt().isBefore(cutoff)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A journaled report as this pipeline ingested it (JSON from HTTP and the simulator, TAK
     * protocol from CoT); empty for an entry that is not a report (or unreadable, logged).
     * {@code proto} is the caller's codec (not thread-safe to share).
     */
    public Optional<Report> decode(JournalEntry e, TakProtoCodec proto) {
        try {
            if (e.contentType().equals(ReportJson.CONTENT_TYPE)) {
                return Optional.of(ReportJson.decode(e.body()));
            }
            if (e.contentType().equals(CotReports.CONTENT_TYPE)) {
                DecodeResult<CotEvent> d = proto.decode(e.body());
                if (d instanceof DecodeResult.Decoded<CotEvent> ok) {
                    return cot.detection(ok.value());
                }
            }
        } catch (RuntimeException ex) {
            LOG.warn("journal entry {} ({}) unreadable: {}", e.id(), e.contentType(), ex.getMessage());
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- ingest

    @Override
    public CompletableFuture<long[]> ingest(String channel, List<Report> reports) {
        if (!running || closing) {
            return CompletableFuture.failedFuture(new IllegalStateException("the live pipeline is not running"));
        }
        if (reports.isEmpty()) {
            return CompletableFuture.completedFuture(new long[0]);
        }
        Instant now = clock.instant();
        try {
            ReportValidation.check(reports, now, config.maxFutureSkew());
        } catch (InvalidReportException e) {
            rejected(channel).increment();
            return CompletableFuture.failedFuture(e);
        }
        long accepted = System.nanoTime();
        List<NewReport> rows = new ArrayList<>(reports.size());
        for (Report r : reports) {
            rows.add(new NewReport(now, channel, ReportJson.CONTENT_TYPE, ReportJson.encode(r)));
        }
        List<Report> copy = List.copyOf(reports);
        return journal.append(rows).thenApply(ids -> {
            for (int i = 0; i < ids.length; i++) {
                trackerQueue.add(new Fusion.Input(ids[i], copy.get(i), accepted));
            }
            ingested(channel).increment(ids.length);
            acceptedTotal.add(ids.length);
            return ids;
        });
    }

    private Counter ingested(String channel) {
        return ingested.computeIfAbsent(channel, c -> Counter.builder("vigil.reports.ingested").tag("channel", c)
                .description("reports journaled (acknowledged)").register(meters));
    }

    private Counter rejected(String channel) {
        return rejected.computeIfAbsent(channel, c -> Counter.builder("vigil.reports.rejected").tag("channel", c)
                .description("reports refused as invalid").register(meters));
    }

    /**
     * Connects a COP server: its clients' detections (see {@link CotReports}) are ingested on
     * channel {@code cot}, and tracks and alerts are published to its clients.
     */
    public void attach(CotServer server) {
        servers.add(server);
        server.addReceiver(this::onCot);
    }

    /**
     * A CoT detection waiting for the journal: {@code protobuf} is the TAK protocol payload to
     * journal, as the client sent it (null when it came as XML: the journal thread encodes it).
     */
    private record PendingCot(CotEvent event, byte[] protobuf, Report report, Instant receivedAt, long acceptedNanos) {
    }

    private void onCot(Received received) {
        CotEvent e = received.event();
        if (!running || closing || !cot.isDetection(e)) {
            return;
        }
        Optional<Report> r = cot.detection(e);
        if (r.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Optional<String[]> bad = ReportValidation.problem(r.get(), now, config.maxFutureSkew());
        if (bad.isPresent()) {
            rejected("cot").increment();
            LOG.debug("CoT detection {} refused: {}: {}", e.uid(), bad.get()[0], bad.get()[1]);
            return;
        }
        byte[] protobuf = received.protobuf();
        PendingCot p = new PendingCot(protobuf == null ? e : null, protobuf, r.get(), now, System.nanoTime());
        try {
            if (!cotQueue.offer(p) && !cotQueue.offer(p, 10, TimeUnit.SECONDS)) {
                dropped.increment();
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            dropped.increment();
        }
    }

    private void cotLoop() {
        TakProtoCodec proto = new TakProtoCodec();
        List<PendingCot> batch = new ArrayList<>(COT_BATCH);
        while (!closing || !cotQueue.isEmpty()) {
            try {
                PendingCot first = cotQueue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                cotQueue.drainTo(batch, COT_BATCH - 1);
                List<NewReport> rows = new ArrayList<>(batch.size());
                for (PendingCot p : batch) {
                    byte[] body = p.protobuf() != null ? p.protobuf() : proto.encode(p.event());
                    rows.add(new NewReport(p.receivedAt(), "cot", CotReports.CONTENT_TYPE, body));
                }
                List<PendingCot> taken = List.copyOf(batch);
                batch.clear();
                while (trackerQueue.size() > TRACKER_BACKLOG && !closing) {
                    Thread.sleep(1);
                }
                cotAppends.acquire();
                appendCot(rows, taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("CoT journal loop", e);
                batch.clear();
            }
        }
    }

    /**
     * Appends one CoT batch. When the journal says at once that it is full, this (the CoT journal
     * thread) waits 5 ms and tries again, for up to 10 s, rather than dropping: the batches stay in
     * order (a batch retried later than its successors would reach the tracker late), the waiting
     * queue fills meanwhile and holds the senders back.
     */
    private void appendCot(List<NewReport> rows, List<PendingCot> taken) throws InterruptedException {
        CompletableFuture<long[]> f = journal.append(rows);
        for (int attempt = 0; attempt < 2000 && f.isCompletedExceptionally() && journalFull(f); attempt++) {
            Thread.sleep(5);
            f = journal.append(rows);
        }
        f.whenComplete((ids, err) -> {
            cotAppends.release();
            if (err != null) {
                journalFailures.increment();
                dropped.increment(taken.size());
                LOG.warn("journal refused {} CoT detections: {}", taken.size(), err.toString());
                return;
            }
            for (int i = 0; i < ids.length; i++) {
                trackerQueue.add(new Fusion.Input(ids[i], taken.get(i).report(), taken.get(i).acceptedNanos()));
            }
            ingested("cot").increment(ids.length);
            acceptedTotal.add(ids.length);
        });
    }

    private static boolean journalFull(CompletableFuture<long[]> f) {
        try {
            f.getNow(null);
            return false;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof org.vigil.store.JournalFullException;
        } catch (java.util.concurrent.CancellationException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- tracker thread

    private void trackerLoop() {
        List<Fusion.Input> batch = new ArrayList<>();
        long delay = config.batchDelay().toNanos();
        while (running || !trackerQueue.isEmpty() || cotThread.isAlive()) {
            try {
                Fusion.Input first = trackerQueue.poll(20, TimeUnit.MILLISECONDS);
                if (first != null) {
                    if (delay > 0) {
                        LockSupport.parkNanos(delay);
                    }
                    batch.add(first);
                    trackerQueue.drainTo(batch, MAX_BATCH - 1);
                    process(batch);
                    batch.clear();
                    handOver();
                }
                periodic();
                handOver();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("tracker thread: batch of {} reports lost to the tracker (they stay journaled)", batch.size(), e);
                batch.clear();
            }
        }
        flushPending(true);
        handOver();
    }

    /** Fuses one batch, runs the rules on what changed, and queues the fan-out. Tracker thread (or replay) only. */
    private void process(List<Fusion.Input> batch) {
        long t0 = System.nanoTime();
        for (Fusion.Input in : batch) {
            rules.reportAccepted(in.report());
            lastJournalId.accumulateAndGet(in.journalId(), Math::max);
        }
        for (Fusion.Outcome o : fusion.process(batch)) {
            apply(o);
        }
        double dataSeconds = (fusion.time().toEpochMilli() - EPOCH.toEpochMilli()) / 1000.0;
        if (dataSeconds - lastMassingSeconds >= rules.rules().massing().evaluateEverySeconds()) {
            lastMassingSeconds = dataSeconds;
            if (replaying) {
                rules.massing(picture.values(), fusion.time(), book);
            } else if (!massingInFlight) {
                massingInFlight = true;
                Instant at = fusion.time();
                massingCounter.execute(() -> {
                    Map<Long, Integer> counts;
                    try {
                        counts = rules.massingCounts(picture.values());
                    } catch (RuntimeException e) {
                        LOG.warn("massing count failed: {}", e.toString());
                        counts = null;
                    }
                    Map<Long, Integer> done = counts;
                    trackerTasks.add(() -> {
                        massingInFlight = false;
                        if (done != null) {
                            rules.massing(done, at, book);
                        }
                    });
                });
            }
        }
        if (!replaying) {
            scanTime.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            scanReports.record(batch.size());
        }
    }

    /** Takes one scan's changes into the picture, the rules, the fan-out and the next snapshot. */
    private void apply(Fusion.Outcome o) {
        fused.increment(o.fused());
        late.increment(o.late());
        long now = System.nanoTime();
        for (Fusion.TrackState s : o.changed()) {
            picture.put(s.id(), s.view());
            rules.trackChanged(s.view(), book);
            if (!replaying) {
                if (s.acceptedNanos() != 0) {
                    reportToTrack.record(now - s.acceptedNanos(), TimeUnit.NANOSECONDS);
                }
                publish(s, now);
            }
        }
        if (!o.changed().isEmpty() || !o.deleted().isEmpty()) {
            synchronized (snapshotLock) {
                for (Fusion.TrackState s : o.changed()) {
                    dirty.put(s.id(), s);
                    gone.remove(s.id());
                }
                for (TrackView d : o.deleted()) {
                    dirty.remove(d.id());
                    gone.add(d.id());
                }
            }
        }
        for (TrackView d : o.deleted()) {
            picture.remove(d.id());
            rules.trackDeleted(d.id(), book);
            if (!replaying) {
                Outlet out = outlets.remove(d.id());
                if (out != null) {
                    pendingPublish.remove(out);
                }
                Instant at = clock.instant();
                emit(() -> {
                    for (LiveListener l : listeners) {
                        safely(() -> l.trackDeleted(d.id()));
                    }
                    CotEvent gone = CotReports.trackGone(d, at);
                    for (CotServer s : servers) {
                        s.publish(gone);
                    }
                });
            }
        }
    }

    /** Work the tracker thread does on a clock rather than per batch: trailing publications, the border watch. */
    private void periodic() {
        for (Runnable task; (task = trackerTasks.poll()) != null; ) {
            task.run();
        }
        long now = System.nanoTime();
        if (now - lastPendingFlushNanos >= 50_000_000L) {
            lastPendingFlushNanos = now;
            flushPending(false);
        }
        if (now - lastBorderCheckNanos >= (long) (rules.rules().borderWatch().checkEverySeconds() * 1e9)) {
            lastBorderCheckNanos = now;
            rules.borderWatch(clock.instant(), book);
        }
    }

    private void publish(Fusion.TrackState s, long now) {
        Outlet out = outlets.computeIfAbsent(s.id(), Outlet::new);
        if (out.lastPublishNanos == 0 || now - out.lastPublishNanos >= config.trackPublishInterval().toNanos()) {
            if (out.held != null) {
                out.held = null;
                pendingPublish.remove(out);
            }
            out.lastPublishNanos = now;
            send(out, s, 0);
        } else {
            if (out.held == null) {
                out.heldSinceNanos = now;
                pendingPublish.add(out);
            }
            out.held = s;
        }
    }

    private void flushPending(boolean all) {
        if (pendingPublish.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long interval = config.trackPublishInterval().toNanos();
        for (Iterator<Outlet> it = pendingPublish.iterator(); it.hasNext(); ) {
            Outlet out = it.next();
            // a held state goes out when no newer update has gone out at once for an interval since
            // it was held: a track updated steadily is published at once, one that fell silent once more
            if (all || now - out.heldSinceNanos >= interval) {
                it.remove();
                Fusion.TrackState s = out.held;
                out.held = null;
                out.lastPublishNanos = now;
                send(out, s, Math.max(1, (now - out.heldSinceNanos) / 1_000_000));
            }
        }
    }

    private void send(Outlet out, Fusion.TrackState s, long heldMs) {
        Instant at = clock.instant();
        boolean toCot = false;
        if (!servers.isEmpty()) {
            long now = System.nanoTime();
            toCot = out.lastCotNanos == 0 || cotSlot(now, out) != cotSlot(out.lastCotNanos, out);
            if (toCot) {
                out.lastCotNanos = now;
            }
        }
        boolean cot = toCot;
        emit(() -> {
            for (LiveListener l : listeners) {
                safely(() -> l.trackChanged(s.view()));
            }
            if (cot) {
                CotEvent e = CotReports.trackEvent(s.view(), s.provenance(), heldMs, at, config.trackStale());
                for (CotServer server : servers) {
                    server.publish(e);
                }
            }
        });
    }

    /**
     * The track's CoT period that {@code nanos} falls in. Each track has its own phase (from its
     * id), so that tracks started together - 10,000 in the first second of a sensor feed - do
     * not all go to the TAK clients in the same instant every period, stalling ingest each time.
     */
    private static long cotSlot(long nanos, Outlet out) {
        return Math.floorDiv(nanos + out.cotPhaseNanos, COT_TRACK_INTERVAL_NANOS);
    }

    private void emitAlert(Alert a, String key, double lat, double lon) {
        if (a.open() && !a.acknowledged()) {
            alertsRaised.increment();
        }
        Instant at = clock.instant();
        emit(() -> {
            for (LiveListener l : listeners) {
                safely(() -> l.alertChanged(a));
            }
            CotEvent e = CotReports.alertEvent(a, key, lat, lon, at, config.alertStale());
            for (CotServer s : servers) {
                s.publish(e);
            }
        });
    }

    /**
     * Queues work for the fan-out thread. The tracker thread gathers what one batch (or one
     * periodic check) produces and hands it over as one task ({@link #handOver()}): one queue
     * hand-off per batch instead of one per track change.
     */
    private void emit(Runnable r) {
        if (Thread.currentThread() == trackerThread) {
            outbox.add(r);
        } else {
            fanOut.add(r);
        }
    }

    /** Hands what the tracker thread gathered to the fan-out thread, in order. Tracker thread only. */
    private void handOver() {
        if (outbox.isEmpty()) {
            return;
        }
        List<Runnable> batch = outbox;
        outbox = new ArrayList<>();
        fanOut.add(() -> batch.forEach(Runnable::run));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("live listener failed: {}", e.toString());
        }
    }

    private void fanOutLoop() {
        while (true) {
            try {
                Runnable r = fanOut.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                } else if (!running && (trackerThread == null || !trackerThread.isAlive())) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("fan-out: {}", e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- snapshots

    private static StoredTrack stored(TrackView v, long journalId) {
        return new StoredTrack(v.id(), v.latDeg(), v.lonDeg(), v.speedMps(), v.courseDeg(), v.sigmaM(), v.updated(), journalId);
    }

    private void snapshotLoop() {
        long interval = config.snapshotInterval().toMillis();
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            writeSnapshot(true);
        }
    }

    /**
     * Writes the tracks changed and deleted since the last snapshot. {@code spread}: the chunks
     * are paced over half the snapshot interval rather than written back to back, since 10,000
     * changed tracks are a few hundred milliseconds of one core's work that would otherwise come
     * all at once every interval, on the same two cores as ingest, and show in its latency.
     */
    private void writeSnapshot(boolean spread) {
        Map<String, Fusion.TrackState> changed;
        Set<String> deleted;
        synchronized (snapshotLock) {
            if (dirty.isEmpty() && gone.isEmpty()) {
                return;
            }
            changed = dirty;
            deleted = gone;
            dirty = new HashMap<>();
            gone = new HashSet<>();
        }
        try {
            // in chunks, each its own short transaction, so that the journal's commits (the same
            // database, one writer at a time) never wait behind thousands of track rows
            List<StoredTrack> rows = new ArrayList<>(changed.size());
            for (Fusion.TrackState s : changed.values()) {
                rows.add(stored(s.view(), s.provenance() == null ? 0 : s.provenance().journalId()));
            }
            int chunks = Math.max(1, (rows.size() + SNAPSHOT_CHUNK - 1) / SNAPSHOT_CHUNK);
            long gapNanos = spread ? config.snapshotInterval().toNanos() / 2 / chunks : 0;
            for (int i = 0; i < rows.size() || i == 0; i += SNAPSHOT_CHUNK) {
                if (i > 0 && gapNanos > 0 && running) {
                    LockSupport.parkNanos(gapNanos);
                }
                store.tracks().update(rows.subList(i, Math.min(rows.size(), i + SNAPSHOT_CHUNK)),
                        i == 0 ? deleted : Set.of());
            }
        } catch (RuntimeException e) {
            LOG.warn("track snapshot of {} tracks failed: {}", changed.size(), e.toString());
            synchronized (snapshotLock) {
                for (var en : changed.entrySet()) {
                    dirty.putIfAbsent(en.getKey(), en.getValue());
                }
                for (String d : deleted) {
                    if (!dirty.containsKey(d)) {
                        gone.add(d);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Report> report(long id) {
        return journal.get(id).flatMap(e -> decode(e, new TakProtoCodec()));
    }

    @Override
    public List<TrackView> tracks() {
        List<TrackView> out = new ArrayList<>(picture.values());
        out.sort(Comparator.comparing(TrackView::id));
        return out;
    }

    @Override
    public List<Alert> alerts(int limit) {
        return store.alerts().recent(limit).stream().map(AlertBook::toAlert).toList();
    }

    @Override
    public Optional<Alert> acknowledge(long alertId) {
        if (!store.alerts().acknowledge(alertId)) {
            return Optional.empty();
        }
        Optional<StoredAlert> s = store.alerts().get(alertId);
        s.ifPresent(a -> {
            double[] p = AlertBook.position(a.detailJson());
            emitAlert(AlertBook.toAlert(a), a.key(), p[0], p[1]);
        });
        return s.map(AlertBook::toAlert);
    }

    /** Where an alert points (from its stored detail): [lat, lon] in degrees, or empty for an unknown id. */
    public Optional<double[]> alertPosition(long alertId) {
        return store.alerts().get(alertId).map(a -> AlertBook.position(a.detailJson()));
    }

    @Override
    public void addListener(LiveListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(LiveListener listener) {
        listeners.remove(listener);
    }

    /** The sites the proximity rule guards (for maps). */
    public List<Site> guardedSites() {
        return rules.guardedSites();
    }

    /** The figures of the pipeline so far. */
    public PipelineStats stats() {
        Map<String, Long> byChannel = new LinkedHashMap<>();
        ingested.forEach((c, counter) -> byChannel.put(c, (long) counter.count()));
        long rej = 0;
        for (Counter c : rejected.values()) {
            rej += (long) c.count();
        }
        return new PipelineStats(acceptedTotal.sum(), byChannel, rej, (long) dropped.count(), (long) late.count(),
                (long) fused.count(), picture.size(), trackerQueue.size(), cotQueue.size(), fusion.scans(),
                percentileMs(0.5), percentileMs(0.99),
                reportToTrack.max(TimeUnit.MILLISECONDS), lastJournalId.get());
    }

    private double percentileMs(double q) {
        for (var v : reportToTrack.takeSnapshot().percentileValues()) {
            if (Math.abs(v.percentile() - q) < 1e-9) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }

    /**
     * Figures of the pipeline since start.
     *
     * @param ingested         reports journaled, all channels
     * @param ingestedByChannel reports journaled per channel
     * @param rejected         reports refused as invalid
     * @param dropped          CoT detections dropped (journal too slow for 1 s)
     * @param late             journaled reports too late to fuse
     * @param fused            reports fed to the tracker
     * @param tracks           confirmed tracks now
     * @param trackerQueue     journaled reports waiting for the tracker
     * @param cotQueue         CoT detections waiting for the journal
     * @param scans            scans fused
     * @param p50Ms            median report-to-track latency, ms (from the meter's recent window)
     * @param p99Ms            99th percentile, ms
     * @param maxMs            largest, ms (recent window)
     * @param lastJournalId    the newest journal id the tracker has seen
     */
    public record PipelineStats(long ingested, Map<String, Long> ingestedByChannel, long rejected, long dropped, long late,
                                long fused, int tracks, int trackerQueue, int cotQueue, long scans, double p50Ms,
                                double p99Ms, double maxMs, long lastJournalId) {
    }

    // ---------------------------------------------------------------- close

    /**
     * Stops taking reports, journals the CoT detections still waiting, fuses everything
     * journaled, sends the last changes and writes the last snapshot. Does not close the store.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (!running || closing) {
                return;
            }
            closing = true;
        }
        try {
            cotThread.join(10_000);
            // wait for appends in flight, then for the tracker to fuse them
            cotAppends.acquire(COT_APPENDS_IN_FLIGHT);
            cotAppends.release(COT_APPENDS_IN_FLIGHT);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!trackerQueue.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            running = false;
            trackerThread.join(10_000);
            fanOutThread.join(5_000);
            snapshotThread.interrupt();
            snapshotThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            massingCounter.shutdownNow();
            running = false;
            writeSnapshot(false);
        }
    }
}
