package org.vigil.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.sim.Simulation;
import org.vigil.sim.SimulationSettings;
import org.vigil.track.ScenarioRun;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.io.Scenario;
import org.vigil.track.io.ScenarioReader;
import org.vigil.track.metric.ScenarioScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil track}: runs the multi-target tracker over a scenario file, writes the track file
 * and prints one JSON line with the counts, the tracking-loop time and (when the scenario has
 * truth) mean GOSPA and OSPA as bench/tracking/score.py computes them.
 */
@Command(name = "track", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tracks the detections of a vigil-scenario-1 file and writes t,track_id,x,y rows of the confirmed tracks.",
                "Prints one JSON line: tracks, detections, seconds (tracking loop only), detectionsPerSecond,",
                "and gospa/ospa (c = 100 m, p = 1, means over all scans) when the scenario carries truth;",
                "cpuSeconds is the loop thread's CPU time (on a busy machine, closer to what a quiet one would time).",
                "Before the timed loop the JIT is warmed on a simulated scenario (never the measured file) for",
                "--warmup-s seconds; warmupSeconds in the JSON line says how long that took."})
public final class TrackCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "FILE", required = true,
            description = "Scenario file (format vigil-scenario-1, see bench/tracking/FORMAT.md).")
    Path scenario;

    @Option(names = "--out", paramLabel = "TRACKS.csv", required = true,
            description = "Track file to write: t,track_id,x,y in metres, or t,track_id,lat,lon for a WGS84 scenario.")
    Path out;

    @Option(names = "--associator", paramLabel = "gnn|jpda", defaultValue = "gnn",
            description = "Data association: gnn (global nearest neighbour, optimal 2-D assignment) or jpda (default ${DEFAULT-VALUE}).")
    String associator;

    @Option(names = "--motion", paramLabel = "ncv|imm", defaultValue = "ncv",
            description = "Motion model: ncv (nearly-constant velocity) or imm (IMM of NCV and coordinated turns left and right; default ${DEFAULT-VALUE}).")
    String motion;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = {"Diagnostic: run the tracking loop N times in this process and report the median time. Runs after",
                    "the first are warm (the JIT has seen this very file), so the benchmark figure is N = 1 (default ${DEFAULT-VALUE})."})
    int repeat;

    @Option(names = "--single-thread", description = "Keep the tracking loop on one thread.")
    boolean singleThread;

    @Option(names = "--warmup-s", paramLabel = "S", defaultValue = "0.5",
            description = {"Seconds of JIT warm-up on a simulated scenario (made by the simulator with its own seed, not",
                    "the measured file) before the timed loop, so the figure is the loop's, not the JVM's start-up;",
                    "0 times a cold loop (default ${DEFAULT-VALUE})."})
    double warmupSeconds;

    @Override
    public Integer call() throws Exception {
        if (!associator.equals("gnn") && !associator.equals("jpda")) {
            throw new UserInputException("--associator must be gnn or jpda, not '" + associator + "'");
        }
        if (!motion.equals("ncv") && !motion.equals("imm")) {
            throw new UserInputException("--motion must be ncv or imm, not '" + motion + "'");
        }
        if (repeat < 1) {
            throw new UserInputException("--repeat must be at least 1");
        }
        if (!(warmupSeconds >= 0 && warmupSeconds <= 60)) {
            throw new UserInputException("--warmup-s must be between 0 and 60, not " + warmupSeconds);
        }
        Scenario s = ScenarioReader.read(scenario);
        TrackerConfiguration config = TrackerConfiguration.forScenario(s).withAssociator(associator).withMotion(motion)
                .withParallel(!singleThread);
        double warmedSeconds = warmUp(warmupSeconds);
        double[] seconds = new double[repeat];
        double[] cpuSeconds = new double[repeat];
        ScenarioRun run = null;
        for (int r = 0; r < repeat; r++) {
            run = ScenarioRun.of(s, config.build());
            seconds[r] = run.loopSeconds();
            cpuSeconds[r] = run.loopCpuSeconds();
        }
        run.write(out, s);
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        double median = seconds[repeat / 2];
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tracks", run.distinctTrackIds());
        json.put("detections", run.detections());
        json.put("seconds", median);
        json.put("detectionsPerSecond", run.detections() / Math.max(median, 1e-9));
        json.put("cpuSeconds", cpuSeconds[repeat / 2]);
        json.put("warmupSeconds", warmedSeconds);
        if (s.hasTruth()) {
            ScenarioScore score = run.score(s, 100, 1);
            json.put("gospa", score.gospa());
            json.put("ospa", score.ospa());
        }
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return ExitCodes.OK;
    }

    /**
     * Runs the same tracker configuration over a small simulated scenario until {@code seconds}
     * have passed, so that the timed loop runs compiled code, as a long-running tracker would.
     * The scenario comes from the simulator with a fixed seed of its own: the measured file is
     * never seen before it is timed. Returns the seconds spent.
     */
    private double warmUp(double seconds) throws IOException {
        if (seconds <= 0) {
            return 0;
        }
        long start = System.nanoTime();
        Path file = Files.createTempFile("vigil-warmup", ".csv");
        try {
            Simulation.write(SimulationSettings.of(WARMUP_TARGETS, WARMUP_DURATION_S, WARMUP_SEED, WARMUP_CLUTTER, 0.9), file);
            Scenario warm = ScenarioReader.read(file);
            TrackerConfiguration config = TrackerConfiguration.forScenario(warm).withAssociator(associator).withMotion(motion)
                    .withParallel(!singleThread);
            long deadline = start + (long) (seconds * 1e9);
            do {
                ScenarioRun.of(warm, config.build());
            } while (System.nanoTime() < deadline);
        } finally {
            Files.deleteIfExists(file);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static final int WARMUP_TARGETS = 30;
    private static final double WARMUP_DURATION_S = 120;
    private static final long WARMUP_SEED = 0x5eed_c0deL;
    private static final double WARMUP_CLUTTER = 5;
}
