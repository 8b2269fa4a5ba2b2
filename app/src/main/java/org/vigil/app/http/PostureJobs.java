package org.vigil.app.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.posture.io.PlanWriter;
import org.vigil.posture.model.Forces;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.Rules;
import org.vigil.posture.model.SolveStatus;
import org.vigil.posture.solve.PostureSolver;
import org.vigil.posture.sweep.Sweep;
import org.vigil.posture.sweep.SweepPoint;
import org.vigil.store.PlanStore;
import org.vigil.store.StoredPlan;
import org.vigil.theatre.Theatre;

/**
 * Posture plans run in the background for {@code POST /api/plans/posture}, and cap sweeps for
 * {@code POST /api/plans/posture/sweep}: one at a time (CP-SAT takes every core it is given), each
 * a job with a state the web page polls or receives on the WebSocket. A plan with a solution
 * (OPTIMAL or FEASIBLE) is saved to the store, where {@code GET /api/plans/posture} finds it; a
 * sweep (the posture module's {@link Sweep}: caps in increasing order, each solve starting from
 * the last plan) is saved as kind {@code posture-sweep}, where {@code GET /api/plans/posture/sweep}
 * and the posture page's chart find it. The solver reports no intermediate progress, so a job's
 * progress is its elapsed share of the time limit (for a sweep: caps done, plus that share of
 * the current one), the bound the solver keeps to.
 */
public final class PostureJobs implements AutoCloseable {

    /** What a job asks for. */
    public record Request(int cap, double standoffKm, double timeLimitSeconds) {
        public static final double MAX_TIME_LIMIT_SECONDS = 600;

        public Request {
            if (cap < 1 || cap > 1_000_000) {
                throw ApiException.badRequest("cap", "must be a number of troops between 1 and 1000000, got " + cap);
            }
            if (!(standoffKm >= 0 && standoffKm <= 2000)) {
                throw ApiException.badRequest("standoffKm", "must be between 0 and 2000 km, got " + standoffKm);
            }
            if (!(timeLimitSeconds >= 1 && timeLimitSeconds <= MAX_TIME_LIMIT_SECONDS)) {
                throw ApiException.badRequest("timeLimitS", "must be between 1 and " + (int) MAX_TIME_LIMIT_SECONDS
                        + " s, got " + timeLimitSeconds);
            }
        }

        public static Request defaults() {
            return new Request(Rules.DEFAULT_CAP, Rules.DEFAULT_STANDOFF_METRES / 1000, 30);
        }
    }

    /**
     * A cap sweep: a plan at each cap (troops), with {@code timeLimitSeconds} for each.
     * At most {@link #MAX_CAPS} caps and {@link #MAX_TOTAL_SECONDS} of solver time in all.
     */
    public record SweepRequest(List<Integer> caps, double standoffKm, double timeLimitSeconds) {
        public static final int MAX_CAPS = 12;
        public static final double MAX_TOTAL_SECONDS = 600;

        public SweepRequest {
            if (caps == null || caps.size() < 2 || caps.size() > MAX_CAPS) {
                throw ApiException.badRequest("caps", "must list 2 to " + MAX_CAPS + " troop caps, got "
                        + (caps == null ? "none" : caps.size()));
            }
            for (int i = 0; i < caps.size(); i++) {
                Integer c = caps.get(i);
                if (c == null || c < 1 || c > 1_000_000) {
                    throw ApiException.badRequest("caps[" + i + "]", "must be a number of troops between 1 and 1000000, got " + c);
                }
            }
            if (caps.stream().distinct().count() != caps.size()) {
                throw ApiException.badRequest("caps", "lists a cap twice");
            }
            caps = caps.stream().sorted().toList();
            new Request(caps.getFirst(), standoffKm, timeLimitSeconds); // the same checks as one plan's
            if (timeLimitSeconds * caps.size() > MAX_TOTAL_SECONDS) {
                throw ApiException.badRequest("timeLimitS", String.format(java.util.Locale.ROOT,
                        "%d caps at %.0f s each is %.0f s of solving; a sweep may take at most %.0f s: fewer caps or less time each",
                        caps.size(), timeLimitSeconds, timeLimitSeconds * caps.size(), MAX_TOTAL_SECONDS));
            }
        }

        /** 10,000 to 30,000 troops by 5,000, at the default stand-off, 10 s each. */
        public static SweepRequest defaults() {
            return new SweepRequest(List.of(10_000, 15_000, 20_000, 25_000, 30_000), Rules.DEFAULT_STANDOFF_METRES / 1000, 10);
        }
    }

    /**
     * A job as the API shows it. For a sweep ({@code kind} "sweep"): {@code cap} is the cap being
     * solved, {@code timeLimitS} the whole sweep's budget, {@code caps} the caps, {@code sweepId}
     * the stored sweep.
     */
    public record JobJson(String id, String state, int cap, double standoffKm, double timeLimitS, String started,
                          String finished, double elapsedS, double progress, Long planId, String planStatus,
                          String message, String kind, List<Integer> caps, Long sweepId) {
        public boolean finishedOk() {
            return "done".equals(state) && planId != null;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PostureJobs.class);

    private final Theatre theatre;
    private final Forces forces;
    private final PlanStore plans;
    private final int workers;
    private final Consumer<JobJson> onChange;
    private final ExecutorService runner;
    private final ScheduledExecutorService ticker;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Job running;

    private final class Job {
        final String id;
        final Request request;
        /** Null for a single plan. */
        final SweepRequest sweep;
        final Instant started = Instant.now();
        final long startedNanos = System.nanoTime();
        volatile String state = "running";
        volatile Instant finished;
        volatile long finishedNanos;
        volatile Long planId;
        volatile String planStatus;
        volatile String message;
        volatile Long sweepId;
        /** Sweep: caps begun so far, and when the current one began. */
        volatile int capsBegun;
        volatile int currentCap;
        volatile long capStartedNanos;
        ScheduledFuture<?> tick;

        Job(String id, Request request, SweepRequest sweep) {
            this.id = id;
            this.request = request;
            this.sweep = sweep;
        }

        JobJson json() {
            long end = finished == null ? System.nanoTime() : finishedNanos;
            double elapsed = (end - startedNanos) / 1e9;
            String started = this.started.toString(), done = finished == null ? null : finished.toString();
            if (sweep == null) {
                double progress = finished == null ? Math.min(0.99, elapsed / request.timeLimitSeconds()) : 1.0;
                return new JobJson(id, state, request.cap(), request.standoffKm(), request.timeLimitSeconds(), started, done,
                        Math.round(elapsed * 10) / 10.0, Math.round(progress * 100) / 100.0, planId, planStatus, message,
                        "plan", null, null);
            }
            int n = sweep.caps().size();
            double progress = 1.0;
            if (finished == null) {
                double current = capsBegun == 0 ? 0
                        : Math.min(0.99, (System.nanoTime() - capStartedNanos) / 1e9 / sweep.timeLimitSeconds());
                progress = Math.min(0.99, (Math.max(0, capsBegun - 1) + current) / n);
            }
            return new JobJson(id, state, currentCap == 0 ? sweep.caps().getFirst() : currentCap, sweep.standoffKm(),
                    sweep.timeLimitSeconds() * n, started, done, Math.round(elapsed * 10) / 10.0,
                    Math.round(progress * 100) / 100.0, null, planStatus, message, "sweep", sweep.caps(), sweepId);
        }
    }

    /**
     * @param workers  CP-SAT search workers per plan
     * @param onChange told of each job's state on start, every second while it runs, and at the end
     */
    public PostureJobs(Theatre theatre, Forces forces, PlanStore plans, int workers, Consumer<JobJson> onChange) {
        this.theatre = theatre;
        this.forces = forces;
        this.plans = plans;
        this.workers = workers;
        this.onChange = onChange;
        this.runner = Executors.newSingleThreadExecutor(r -> daemon(r, "vigil-posture-job"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vigil-posture-ticker"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts a plan; throws 409 (with the running job) when a plan or sweep is already running. */
    public synchronized JobJson submit(Request request) {
        return start(new Job("p" + sequence.incrementAndGet(), request, null), this::run);
    }

    /** Starts a cap sweep; throws 409 (with the running job) when a plan or sweep is already running. */
    public synchronized JobJson submitSweep(SweepRequest sweep) {
        return start(new Job("p" + sequence.incrementAndGet(), null, sweep), this::runSweep);
    }

    private JobJson start(Job job, Consumer<Job> work) {
        if (running != null) {
            throw new JobConflict(running.json());
        }
        jobs.put(job.id, job);
        running = job;
        job.tick = ticker.scheduleAtFixedRate(() -> publish(job), 1, 1, TimeUnit.SECONDS);
        runner.execute(() -> work.accept(job));
        JobJson first = job.json();
        publish(job);
        return first;
    }

    /** Thrown by {@link #submit} while another plan runs. */
    public static final class JobConflict extends RuntimeException {
        private final JobJson running;

        JobConflict(JobJson running) {
            super("a posture plan is already running (" + running.id() + ")", null, false, false);
            this.running = running;
        }

        public JobJson running() {
            return running;
        }
    }

    private void run(Job job) {
        try {
            Request r = job.request;
            Rules rules = new Rules(r.cap(), r.standoffKm() * 1000, Rules.DEFAULT_RESPONSE, Rules.DEFAULT_TORTUOSITY,
                    Rules.DEFAULT_ROAD_SPEED, Rules.DEFAULT_REQUIREMENTS, Rules.DEFAULT_ROTATION);
            PostureProblem problem = PostureProblem.of(theatre, forces, rules);
            PostureSolver solver = new PostureSolver(Duration.ofMillis(Math.round(r.timeLimitSeconds() * 1000)), workers);
            Plan plan = solver.solve(problem);
            job.planStatus = plan.status().name();
            if (plan.status() == SolveStatus.OPTIMAL || plan.status() == SolveStatus.FEASIBLE) {
                StoredPlan saved = plans.save("posture", Instant.now(), ApiJson.text(PlanWriter.json(problem, plan)));
                job.planId = saved.id();
                job.message = String.format(java.util.Locale.ROOT, "%,d troops at %d stations; %d of %d sites guarded",
                        plan.totalStrength(), plan.stations().size(), plan.guardedCount(), plan.sites().size());
            } else {
                job.message = plan.message().isEmpty() ? "no plan: " + plan.status() : plan.message();
            }
            finish(job, "done");
        } catch (RuntimeException | Error e) {
            LOG.warn("posture plan {} failed: {}", job.id, e.toString());
            job.message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(job, "failed");
        }
    }

    private void runSweep(Job job) {
        try {
            SweepRequest r = job.sweep;
            Rules rules = new Rules(r.caps().getFirst(), r.standoffKm() * 1000, Rules.DEFAULT_RESPONSE,
                    Rules.DEFAULT_TORTUOSITY, Rules.DEFAULT_ROAD_SPEED, Rules.DEFAULT_REQUIREMENTS, Rules.DEFAULT_ROTATION);
            PostureProblem problem = PostureProblem.of(theatre, forces, rules);
            PostureSolver solver = new PostureSolver(Duration.ofMillis(Math.round(r.timeLimitSeconds() * 1000)), workers);
            List<Double> caps = r.caps().stream().map(Integer::doubleValue).toList();
            List<SweepPoint> points = new Sweep(solver).caps(problem, caps, line -> {
                if (line.startsWith("planning at cap")) {
                    job.currentCap = r.caps().get(Math.min(job.capsBegun, r.caps().size() - 1));
                    job.capsBegun++;
                    job.capStartedNanos = System.nanoTime();
                }
                job.message = line;
            });
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", "cap");
            json.put("created", Instant.now().toString());
            json.put("standoffKm", r.standoffKm());
            json.put("timeLimitS", r.timeLimitSeconds());
            json.put("workers", workers);
            json.put("points", points.stream().map(PostureJobs::pointJson).toList());
            StoredPlan saved = plans.save("posture-sweep", Instant.now(), ApiJson.text(json));
            job.sweepId = saved.id();
            long withPlan = points.stream().filter(p -> p.status().hasPlan()).count();
            job.planStatus = withPlan == points.size() ? "DONE" : "PARTIAL";
            job.message = String.format(java.util.Locale.ROOT, "%d caps %,d..%,d planned (%d with a plan); sweep %d saved",
                    points.size(), r.caps().getFirst(), r.caps().getLast(), withPlan, saved.id());
            finish(job, "done");
        } catch (RuntimeException | Error e) {
            LOG.warn("posture sweep {} failed: {}", job.id, e.toString());
            job.message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(job, "failed");
        }
    }

    /** One point as the chart reads it (the columns of {@code vigil plan posture --sweep}'s sweep.csv). */
    private static Map<String, Object> pointJson(SweepPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cap", (int) Math.round(p.value()));
        m.put("status", p.status().name());
        m.put("objective", p.objective());
        m.put("bound", p.bound());
        m.put("totalStrength", p.totalStrength());
        m.put("guarded", p.guarded());
        m.put("covered", p.covered());
        return m;
    }

    private void finish(Job job, String state) {
        job.finishedNanos = System.nanoTime();
        job.finished = Instant.now();
        job.state = state;
        job.tick.cancel(false);
        synchronized (this) {
            running = null;
        }
        publish(job);
    }

    private void publish(Job job) {
        try {
            onChange.accept(job.json());
        } catch (RuntimeException e) {
            LOG.warn("posture job listener failed: {}", e.toString());
        }
    }

    public Optional<JobJson> job(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::json);
    }

    /** Waits for the running job, if any, to finish; false when it did not within the timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running != null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Jobs in submission order, for tests and the demo summary. */
    public Map<String, JobJson> all() {
        Map<String, JobJson> m = new LinkedHashMap<>();
        jobs.values().stream().sorted(java.util.Comparator.comparingLong(j -> Long.parseLong(j.id.substring(1))))
                .forEach(j -> m.put(j.id, j.json()));
        return m;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        runner.shutdownNow();
    }
}
