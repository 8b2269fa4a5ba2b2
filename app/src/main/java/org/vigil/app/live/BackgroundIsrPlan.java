package org.vigil.app.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.isr.IsrPlanner;
import org.vigil.isr.IsrProblem;
import org.vigil.isr.coverage.AreaCoverage;
import org.vigil.isr.coverage.Coverage;
import org.vigil.isr.io.AssetsReader;
import org.vigil.isr.io.IsrPlanWriter;
import org.vigil.isr.io.SatelliteCatalogue;
import org.vigil.isr.model.Assets;
import org.vigil.isr.model.Horizon;
import org.vigil.isr.model.IsrPlan;
import org.vigil.isr.model.Satellite;
import org.vigil.isr.orbit.TleEntry;
import org.vigil.isr.solve.IsrScheduler;
import org.vigil.theatre.Theatre;

/**
 * The ISR collection plan {@code vigil demo} (and {@code vigil serve --plan-isr}) make at start,
 * so the COP's ISR view shows a real plan without a separate {@code vigil plan isr}: the same
 * plan that command makes by default (bundled assets and satellites, 24 h from the newest element
 * set's epoch), on a background thread, written to {@code DATA_DIR/isr} where the server looks for
 * it. Files are written to a folder beside it and moved in, the plan last, so the server never
 * reads half a plan. A folder that already holds a plan is left alone (a plan the user made with
 * {@code vigil plan isr} is not overwritten).
 */
public final class BackgroundIsrPlan {

    /** The default horizon of {@code vigil plan isr}. */
    public static final Duration HORIZON = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundIsrPlan.class);

    /** How it went, in one line for the start banner and the demo's closing line. */
    public record Outcome(boolean planned, String line) {
    }

    private final Theatre theatre;
    private final Path isrDir;
    private final Duration timeLimit;
    private final int workers;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private volatile String state = "waiting";

    public BackgroundIsrPlan(Theatre theatre, Path isrDir, Duration timeLimit, int workers) {
        this.theatre = theatre;
        this.isrDir = isrDir;
        this.timeLimit = timeLimit;
        this.workers = workers;
    }

    /** True when the folder already holds a plan (then {@link #start} keeps it). */
    public static boolean planExists(Path isrDir) {
        return Files.isRegularFile(isrDir.resolve(IsrPlanWriter.PLAN_JSON));
    }

    /**
     * Starts planning on a daemon thread once {@code ready} returns (e.g. once the posture plan
     * is done, so the two solvers do not share the cores). Returns this.
     */
    public BackgroundIsrPlan start(BooleanSupplier ready) {
        if (planExists(isrDir)) {
            outcome.complete(new Outcome(false, "kept the ISR plan already in " + isrDir.resolve(IsrPlanWriter.PLAN_JSON)));
            return this;
        }
        Thread.ofPlatform().name("vigil-isr-plan").daemon().start(() -> {
            try {
                ready.getAsBoolean();
                state = "planning";
                outcome.complete(plan());
            } catch (Exception | Error e) {
                LOG.warn("the background ISR plan failed: {}", e.toString());
                outcome.complete(new Outcome(false, "the ISR plan failed: " + e.getMessage()));
            }
        });
        return this;
    }

    private Outcome plan() throws IOException {
        long t0 = System.nanoTime();
        Assets assets = AssetsReader.bundledDefault();
        List<TleEntry> tles = SatelliteCatalogue.bundledTles();
        List<Satellite> satellites = SatelliteCatalogue.satellites(tles, assets, "bundled eo-sample.tle");
        Horizon horizon = Horizon.of(IsrPlanner.defaultStart(tles), HORIZON);
        IsrProblem problem = IsrProblem.build(theatre, assets, satellites, horizon);
        double used = (System.nanoTime() - t0) / 1e9;
        IsrScheduler scheduler = new IsrScheduler(
                Duration.ofMillis(Math.round(Math.max(5, timeLimit.toMillis() / 1000.0 - used) * 1000)), workers);
        IsrPlan plan = scheduler.solve(problem);
        if (plan.status().equals("UNKNOWN") || plan.status().equals("INFEASIBLE")) {
            return new Outcome(false, "no ISR plan within " + timeLimit.toSeconds() + " s (solver status " + plan.status()
                    + "); make one with vigil plan isr --time-limit S --out " + isrDir);
        }
        List<AreaCoverage> coverage = Coverage.of(problem.areas(), plan.tasks(), plan.start(), plan.end());
        write(plan, coverage);
        long unmet = coverage.stream().filter(c -> !c.satisfied()).count();
        return new Outcome(true, String.format(Locale.ROOT,
                "ISR plan (%s): %d tasks over %d h from %s, %d of %d requirements met, in %.1f s; wrote %s",
                plan.status(), plan.tasks().size(), HORIZON.toHours(), plan.start(), coverage.size() - unmet, coverage.size(),
                (System.nanoTime() - t0) / 1e9, isrDir.resolve(IsrPlanWriter.PLAN_JSON)));
    }

    private void write(IsrPlan plan, List<AreaCoverage> coverage) throws IOException {
        Files.createDirectories(isrDir);
        Path staging = Files.createTempDirectory(isrDir.getParent(), ".isr-plan-");
        try {
            IsrPlanWriter.write(plan, coverage, staging);
            for (String name : List.of(IsrPlanWriter.COVERAGE_CSV, IsrPlanWriter.COVERAGE_GEOJSON, IsrPlanWriter.PLAN_JSON)) {
                Files.move(staging.resolve(name), isrDir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            try (var left = Files.list(staging)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    /** The outcome, waiting up to {@code wait}; empty while it still runs. */
    public java.util.Optional<Outcome> await(Duration wait) {
        try {
            return java.util.Optional.of(outcome.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return java.util.Optional.of(new Outcome(false, "the ISR plan failed: " + e.getCause().getMessage()));
        }
    }

    /** While the plan is being made (or waits for its turn): a sentence saying so, for the API's 404. */
    public java.util.Optional<String> underway() {
        if (outcome.isDone()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(state.equals("planning")
                ? "an ISR plan is being made in the background (time limit " + timeLimit.toSeconds() + " s); ask again shortly"
                : "an ISR plan is being made in the background once the posture plan is done; ask again shortly");
    }

    /** "waiting", "planning" or "done", for the banner. */
    public String state() {
        return outcome.isDone() ? "done" : state;
    }

    /** Where the plan is (or will be) written. */
    public Path planFile() {
        return isrDir.resolve(IsrPlanWriter.PLAN_JSON);
    }
}
