package org.vigil.app.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.store.Journal;
import org.vigil.store.JournalEntry;
import org.vigil.store.Store;
import org.vigil.watch.Alert;
import org.vigil.watch.LiveListener;
import org.vigil.watch.Pipeline;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;
import org.vigil.watch.ingest.InvalidReportException;

/**
 * The time slider's history ({@code GET /api/tracks/history}), rebuilt from the journal: the
 * reports the server received during the window asked (from {@link #WARM_UP} before it, so tracks
 * already running at its start are confirmed by then, to {@link #LATE} after it, for reports that
 * arrived late) are re-fused by a fresh pipeline of the live one's configuration, over a
 * throw-away {@link ReplayStore}, and the track states it publishes within the window are kept, at
 * most one per track per step. So the history survives a restart and reaches back before the
 * server started, as far as the journal does.
 *
 * <p>The window is on the tracks' own time ({@code updated}, the reports' times); the journal is
 * searched by the server's receive clock ({@code receivedAt}, which grows with the journal id, so
 * two binary searches of {@link Journal#get} find the ids), which is the same clock give or take
 * sensor latency. The work is bounded ({@link #MAX_WINDOW},
 * {@link #MAX_REPORTS}: a larger request is refused with the limit named), replays run one at a
 * time on one thread (a 2-core server keeps a core for live ingest), a few are queued, and the
 * last {@link #CACHE_ENTRIES} results are kept, keyed by the window (aligned to the step): asking
 * again costs nothing while no report has arrived in the window since, or for {@link #FRESH}
 * after the replay (a window that ends now keeps receiving reports; one replay of it answers
 * every poll of the client that asked, and the next question a little later replays again).
 * A request waits a little for its replay; one that takes longer is answered with its progress
 * and asked again (see {@link Answer.Running}).
 */
public final class JournalHistory implements AutoCloseable {

    /** Longest window one request may ask. */
    public static final Duration MAX_WINDOW = Duration.ofHours(6);
    /**
     * Most journaled reports (warm-up and late margin included) one request may replay: about two
     * minutes of work (measured: about 8,000 reports/s re-fused at the demo's density on a shared 2-core machine).
     */
    public static final long MAX_REPORTS = 1_000_000;
    /** Replayed before the window so that tracks running at its start are already confirmed there. */
    public static final Duration WARM_UP = Duration.ofMinutes(2);
    /** Reports received this long after the window's end are still replayed (sensor and link latency). */
    public static final Duration LATE = Duration.ofMinutes(1);
    /** Most states one answer may carry. */
    public static final int MAX_STATES = 500_000;
    static final int CACHE_ENTRIES = 4;
    /** How long a replay answers its window even though newer reports arrived in it. */
    static final Duration FRESH = Duration.ofSeconds(30);
    static final int MAX_QUEUED = 4;
    private static final int CHUNK = 2048;
    /** Reports waiting for the replay pipeline's tracker beyond which reading the journal pauses (bounds memory). */
    private static final int BACKLOG = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(JournalHistory.class);

    /** Opens and starts a pipeline, configured as the live one but publishing every state, over a scratch store. */
    @FunctionalInterface
    public interface ReplayPipelines {
        Pipeline open(Store scratch);
    }

    /** What a history request gets. */
    public sealed interface Answer {
        /** The states, oldest first; {@code truncated} when more matched than the limit. */
        record Ready(List<TrackView> states, boolean truncated, long reportsReplayed, double replaySeconds, boolean cached)
                implements Answer {
        }

        /** The replay is still running (or queued behind another): ask again. */
        record Running(double progress, long reports, long replayed, boolean queued) implements Answer {
        }
    }

    /** A request the server refuses (too large, or too busy), with the field at fault when there is one. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String field;

        Refused(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** The window, aligned to the step. */
    private record Window(long fromMs, long toMs, long stepMs) {
    }

    /** What one replay covers: the window and the journal ids read for it. */
    private record Key(Window window, long firstId, long lastId) {
        long fromMs() {
            return window.fromMs();
        }

        long toMs() {
            return window.toMs();
        }

        long stepMs() {
            return window.stepMs();
        }
    }

    /** {@code full}: the replay kept {@link #MAX_STATES} and dropped the states after them. */
    private record Result(Key key, List<TrackView> states, boolean full, long reports, double seconds, long madeNanos) {
    }

    private final class Job {
        final Key key;
        final CompletableFuture<Result> result = new CompletableFuture<>();
        final AtomicLong replayed = new AtomicLong();
        volatile boolean started;

        Job(Key key) {
            this.key = key;
        }

        long reports() {
            return key.lastId() - key.firstId() + 1;
        }
    }

    private final Journal journal;
    private final ReplayPipelines pipelines;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform()
            .name("vigil-history").daemon().unstarted(r));
    private final Map<Window, Job> jobs = new HashMap<>();
    private final Map<Window, Result> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Window, Result> eldest) {
            long states = 0;
            for (Result r : values()) {
                states += r.states().size();
            }
            // at most a few answers, and at most two full ones (a state is about 100 bytes)
            return size() > CACHE_ENTRIES || (size() > 1 && states > 2L * MAX_STATES);
        }
    };
    private volatile boolean closed;

    public JournalHistory(Journal journal, ReplayPipelines pipelines) {
        this.journal = journal;
        this.pipelines = pipelines;
    }

    /**
     * The track states updated between {@code from} and {@code to}, at most one per track
     * per {@code step}, at most {@code limit}; waits up to {@code wait} for the replay.
     *
     * @throws Refused for a window or a replay past the limits (400), or a full queue (503)
     */
    public Answer request(Instant from, Instant to, Duration step, int limit, Duration wait) {
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new Refused(400, "from", "the window " + from + " .. " + to + " is longer than the "
                    + MAX_WINDOW.toHours() + " h a history request may ask; ask a shorter one");
        }
        long stepMs = step.toMillis();
        long fromMs = Math.floorDiv(from.toEpochMilli(), stepMs) * stepMs;
        long toMs = -Math.floorDiv(-to.toEpochMilli(), stepMs) * stepMs;
        long first = firstIdAfter(Instant.ofEpochMilli(fromMs).minus(WARM_UP), true);
        long last = firstIdAfter(Instant.ofEpochMilli(toMs).plus(LATE), false) - 1;
        if (last < first) {
            return new Answer.Ready(List.of(), false, 0, 0, false);
        }
        long reports = last - first + 1;
        if (reports > MAX_REPORTS) {
            throw new Refused(400, "from", String.format(java.util.Locale.ROOT,
                    "the window %s .. %s holds %,d journaled reports (with %d min before it); a history request replays "
                            + "at most %,d: ask a shorter window", from, to, reports, WARM_UP.toMinutes(), MAX_REPORTS));
        }
        Window window = new Window(fromMs, toMs, stepMs);
        Key key = new Key(window, first, last);
        Job job;
        synchronized (this) {
            if (closed) {
                throw new Refused(503, null, "the server is stopping");
            }
            Result hit = cache.get(window);
            if (hit != null && ((hit.key().firstId() == first && hit.key().lastId() >= last)
                    || System.nanoTime() - hit.madeNanos() < FRESH.toNanos())) {
                return ready(hit, from, to, limit, true);
            }
            job = jobs.get(window); // a replay of this window under way answers, even if newer reports arrived since
            if (job == null) {
                if (jobs.size() >= MAX_QUEUED) {
                    throw new Refused(503, null, "history replays are busy (" + jobs.size() + " waiting); ask again shortly");
                }
                Job fresh = new Job(key);
                jobs.put(window, fresh);
                worker.execute(() -> run(fresh));
                job = fresh;
            }
        }
        try {
            Result r = job.result.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
            return ready(r, from, to, limit, false);
        } catch (TimeoutException e) {
            long done = job.replayed.get();
            return new Answer.Running(job.reports() == 0 ? 0 : Math.min(1.0, done / (double) job.reports()), job.reports(),
                    done, !job.started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, null, "interrupted while waiting for the history replay");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the history replay failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Answer.Ready ready(Result r, Instant from, Instant to, int limit, boolean cached) {
        List<TrackView> out = new ArrayList<>();
        boolean truncated = false;
        for (TrackView s : r.states()) {
            if (s.updated().isBefore(from) || s.updated().isAfter(to)) {
                continue;
            }
            if (out.size() == limit) {
                truncated = true;
                break;
            }
            out.add(s);
        }
        return new Answer.Ready(out, truncated || r.full(), r.reports(), r.seconds(), cached);
    }

    /**
     * The smallest journal id received at or after {@code t} ({@code inclusive}) or strictly
     * after it; {@code lastId + 1} when there is none. Receive times grow with the id (the journal
     * stamps each report as it accepts it), so a binary search over {@link Journal#get} finds it.
     */
    private long firstIdAfter(Instant t, boolean inclusive) {
        long lastId = journal.lastId();
        long lo = 0, hi = lastId + 1; // invariant: ids <= lo are before t (or absent); ids >= hi are not
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            Optional<JournalEntry> e = journal.get(mid);
            boolean before = e.isPresent() && (inclusive ? e.get().receivedAt().isBefore(t) : !e.get().receivedAt().isAfter(t));
            if (before) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Ends the journal's replay at the window's last id. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private void run(Job job) {
        job.started = true;
        long t0 = System.nanoTime();
        try {
            Result r = replay(job, t0);
            synchronized (this) {
                cache.put(job.key.window(), r);
                jobs.remove(job.key.window());
            }
            job.result.complete(r);
            LOG.info("history replay: {} reports in {} s, {} states", r.reports(), String.format(java.util.Locale.ROOT, "%.2f",
                    r.seconds()), r.states().size());
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                jobs.remove(job.key.window());
            }
            LOG.warn("history replay of journal ids {}..{} failed: {}", job.key.firstId(), job.key.lastId(), e.toString());
            job.result.completeExceptionally(e);
        }
    }

    private Result replay(Job job, long t0) {
        Key key = job.key;
        Recorder recorder = new Recorder(Instant.ofEpochMilli(key.fromMs()), Instant.ofEpochMilli(key.toMs()),
                key.stepMs());
        ReplayStore scratch = new ReplayStore();
        Pipeline pipeline = pipelines.open(scratch);
        pipeline.addListener(recorder);
        TakProtoCodec proto = new TakProtoCodec();
        List<Report> reports = new ArrayList<>(CHUNK);
        List<Long> ids = new ArrayList<>(CHUNK);
        long[] count = {0};
        try {
            journal.replay(key.firstId() - 1, entry -> {
                if (entry.id() > key.lastId() || closed) {
                    throw new Stop();
                }
                pipeline.decode(entry, proto).ifPresent(r -> {
                    reports.add(r);
                    ids.add(entry.id());
                });
                job.replayed.set(entry.id() - key.firstId() + 1);
                if (reports.size() >= CHUNK) {
                    count[0] += feed(pipeline, scratch, reports, ids);
                }
            });
        } catch (Stop stop) {
            // the window's last id was passed
        }
        try {
            if (!closed) {
                count[0] += feed(pipeline, scratch, reports, ids);
            }
        } finally {
            pipeline.close(); // fuses what was fed and hands the last states to the recorder
        }
        List<TrackView> states = recorder.states();
        return new Result(key, states, states.size() >= MAX_STATES, count[0], (System.nanoTime() - t0) / 1e9,
                System.nanoTime());
    }

    /** Ingests one chunk into the replay pipeline under the reports' own journal ids; returns how many it took. */
    private static int feed(Pipeline pipeline, ReplayStore scratch, List<Report> reports, List<Long> ids) {
        int taken = 0;
        while (!reports.isEmpty()) {
            scratch.nextIds(ids.stream().mapToLong(Long::longValue).toArray());
            try {
                pipeline.ingest("replay", List.copyOf(reports)).join();
                taken += reports.size();
                break;
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof InvalidReportException bad && bad.index() >= 0 && bad.index() < reports.size()) {
                    // journaled once, refused now (e.g. its time is ahead of this clock): leave that one out
                    reports.remove(bad.index());
                    ids.remove(bad.index());
                } else {
                    throw e;
                }
            }
        }
        reports.clear();
        ids.clear();
        while (pipeline.stats().trackerQueue() > BACKLOG) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        return taken;
    }

    /** Keeps the published states inside the window, at most one per track per step. */
    private static final class Recorder implements LiveListener {
        private final Instant from;
        private final Instant to;
        private final long stepMs;
        private final Map<String, Long> lastKeptMs = new HashMap<>();
        private final List<TrackView> states = new ArrayList<>();

        Recorder(Instant from, Instant to, long stepMs) {
            this.from = from;
            this.to = to;
            this.stepMs = stepMs;
        }

        @Override
        public synchronized void trackChanged(TrackView track) {
            Instant u = track.updated();
            if (u == null || u.isBefore(from) || u.isAfter(to) || states.size() >= MAX_STATES) {
                return;
            }
            long ms = u.toEpochMilli();
            Long last = lastKeptMs.get(track.id());
            if (last == null || ms - last >= stepMs) {
                lastKeptMs.put(track.id(), ms);
                states.add(track);
            }
        }

        @Override
        public void trackDeleted(String trackId) {
            // the slider shows a track until its last state is stale
        }

        @Override
        public void alertChanged(Alert alert) {
            // the history is of tracks
        }

        synchronized List<TrackView> states() {
            List<TrackView> out = new ArrayList<>(states);
            out.sort(Comparator.comparing(TrackView::updated));
            return List.copyOf(out);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (Job j : jobs.values()) {
                j.result.completeExceptionally(new IllegalStateException("the server is stopping"));
            }
            jobs.clear();
            cache.clear();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
