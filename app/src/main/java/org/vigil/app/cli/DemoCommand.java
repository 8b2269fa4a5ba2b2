package org.vigil.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vigil.app.http.PostureJobs;
import org.vigil.app.live.BackgroundIsrPlan;
import org.vigil.app.live.LiveServer;
import org.vigil.store.StoredPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: the whole of Vigil on its embedded defaults. The COP server starts with the
 * simulator feeding it in real time, the default posture plan is made in the background (saved to
 * the store, shown by the web UI as it lands, and written to {@code --out}), and the web address
 * is printed. Runs until Ctrl-C, or for {@code --duration-s}; then prints what it did — the plan,
 * the reports journaled and the tracks formed — and exits 1 if the live picture formed no track.
 * Once the posture plan is done, the default ISR collection plan is made too and written to
 * {@code DATA_DIR/isr} (unless a plan is already there, or {@code --no-plan-isr}), so the ISR view
 * shows a real plan.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs Vigil on its embedded defaults: the COP server (vigil serve --simulate) with simulated sensors "
                + "feeding it in real time, the default posture plan for the bundled Ukraine theatre, then the default ISR "
                + "collection plan (into DATA_DIR/isr, unless one is there or --no-plan-isr); prints the web "
                + "address. Runs until Ctrl-C or --duration-s, then prints the plan, the reports journaled and the tracks "
                + "formed (exit 1 when the plan failed or no track formed).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vigil-data/posture",
            description = "Where the posture plan is also written as plan.json (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--duration-s", paramLabel = "N",
            description = "Stop after N seconds (default: run until Ctrl-C).")
    Double durationSeconds;

    @Option(names = "--plan-time-limit", paramLabel = "S", defaultValue = "30",
            description = "Solver time limit for the posture plan, seconds (default ${DEFAULT-VALUE}).")
    double planTimeLimitSeconds;

    @Mixin
    ServeCommand.ServerOptions server;

    @Override
    public Integer call() throws Exception {
        if (durationSeconds != null && !(durationSeconds >= 1 && durationSeconds <= 1e7)) {
            throw new UserInputException("--duration-s must be between 1 and 10000000, not " + durationSeconds);
        }
        if (!(planTimeLimitSeconds >= 1 && planTimeLimitSeconds <= PostureJobs.Request.MAX_TIME_LIMIT_SECONDS)) {
            throw new UserInputException("--plan-time-limit must be between 1 and 600 s, not " + planTimeLimitSeconds);
        }
        server.simulate = true;
        server.incursion = true;
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        System.out.println("Vigil demo: the COP server with simulated sensors over the bundled Ukraine theatre, "
                + "and the default posture and ISR collection plans.");
        try (LiveServer running = server.start()) {
            PostureJobs.Request defaults = PostureJobs.Request.defaults();
            PostureJobs.JobJson job = running.api().postureJobs().submit(
                    new PostureJobs.Request(defaults.cap(), defaults.standoffKm(), planTimeLimitSeconds));
            // the ISR plan after the posture plan, so the two solvers do not share the cores
            Duration postureWait = Duration.ofSeconds(Math.round(planTimeLimitSeconds) + 60);
            BackgroundIsrPlan isr = server.isrPlan(running, true, () -> {
                try {
                    return running.api().postureJobs().awaitIdle(postureWait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            running.printBanner(System.out);
            System.out.printf(Locale.ROOT, "vigil: demo           planning the default posture (cap %,d, stand-off %.0f km) in the background%n",
                    defaults.cap(), defaults.standoffKm());
            if (isr != null) {
                System.out.println("vigil: demo           " + isr.await(Duration.ZERO).map(BackgroundIsrPlan.Outcome::line)
                        .orElse("then the ISR collection plan (24 h), into " + isr.planFile()));
            }
            System.out.println("Open " + running.webUrl() + " in a browser. "
                    + (durationSeconds == null ? "Ctrl-C stops." : "Stopping after " + fmt(durationSeconds) + " s."));
            System.out.flush();
            boolean stoppedByUser;
            if (durationSeconds == null) {
                stop.await();
                stoppedByUser = true;
            } else {
                stoppedByUser = stop.await(Math.round(durationSeconds * 1000), TimeUnit.MILLISECONDS);
            }
            // A timed run waits for its plan; Ctrl-C does not keep the user waiting for the solver.
            Duration planWait = stoppedByUser ? Duration.ofSeconds(2) : Duration.ofSeconds(Math.round(planTimeLimitSeconds) + 60);
            if (!running.api().postureJobs().awaitIdle(planWait)) {
                System.err.println("vigil: the posture plan had not finished");
            }
            int code = summary(running, running.api().postureJobs().job(job.id()).orElseThrow());
            if (isr != null) {
                Duration isrWait = stoppedByUser ? Duration.ofSeconds(2)
                        : Duration.ofSeconds(Math.round(server.isrTimeLimitSeconds) + 120);
                System.out.println("demo: " + isr.await(isrWait).map(BackgroundIsrPlan.Outcome::line)
                        .orElse("the ISR plan was still being made (" + isr.state() + "); it was not written"));
                System.out.flush();
            }
            return code;
        }
    }

    private int summary(LiveServer running, PostureJobs.JobJson job) throws IOException {
        int code = ExitCodes.OK;
        if (job.finishedOk()) {
            StoredPlan plan = running.store().plans().latest("posture").orElseThrow();
            Files.createDirectories(out);
            Files.writeString(out.resolve("plan.json"), plan.json() + "\n");
            System.out.println("demo: posture plan " + plan.id() + " (" + job.planStatus() + "): " + job.message()
                    + "; wrote " + out.resolve("plan.json"));
        } else {
            System.err.println("vigil: the posture plan did not succeed: " + job.state() + " " + job.planStatus() + " "
                    + job.message());
            code = ExitCodes.FAILURE;
        }
        long journaled = running.feed().reportsJournaled();
        int tracks = running.live().tracks().size();
        int alerts = running.live().alerts(1000).size();
        System.out.printf(Locale.ROOT, "demo: %,d simulated reports journaled, %d tracks formed, %d alert(s)%n", journaled, tracks, alerts);
        if (journaled == 0 || tracks == 0) {
            System.err.println("vigil: the live picture formed no track from the simulator feed");
            code = ExitCodes.FAILURE;
        }
        System.out.flush();
        return code;
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
