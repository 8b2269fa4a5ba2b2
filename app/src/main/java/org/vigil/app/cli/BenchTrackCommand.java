package org.vigil.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.sim.SimulatedScan;
import org.vigil.sim.Simulation;
import org.vigil.sim.SimulationSettings;
import org.vigil.track.MultiTargetTracker;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.model.Frame;
import org.vigil.track.model.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench track}: tracker throughput at scale. For each target count the simulator
 * feeds one scan per second (pd 0.9, 20 m error, clutter = 20 % of the targets per scan) and only
 * the tracker's time is measured. "Real time" means the slowest scan after warm-up took less than
 * the 1 s scan interval.
 */
@Command(name = "track", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tracker throughput: simulated ground vehicles at 1 Hz with 20 %% clutter, at each target count.",
                "Prints one JSON line: per count, detections, tracking seconds, detections per second and the",
                "slowest scan, with the core count."})
public final class BenchTrackCommand implements Callable<Integer> {

    @Option(names = "--targets", paramLabel = "N[,N...]", split = ",", defaultValue = "1000,10000,100000",
            description = "Target counts (default ${DEFAULT-VALUE}).")
    List<Integer> targets;

    @Option(names = "--duration-s", paramLabel = "T", defaultValue = "60",
            description = "Simulated seconds per count (default ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--warmup-s", paramLabel = "W", defaultValue = "10",
            description = "Leading seconds left out of the slowest-scan figure (JIT warm-up, track start-up; default ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--single-thread", description = "Keep the tracker on one thread.")
    boolean singleThread;

    @Override
    public Integer call() throws Exception {
        if (targets.stream().anyMatch(n -> n < 1)) {
            throw new UserInputException("--targets must be positive");
        }
        if (!(durationSeconds >= 2)) {
            throw new UserInputException("--duration-s must be at least 2");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int n : targets) {
            results.add(run(n));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "track");
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("parallel", !singleThread);
        json.put("results", results);
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return ExitCodes.OK;
    }

    private Map<String, Object> run(int n) {
        SimulationSettings s = SimulationSettings.of(n, durationSeconds, seed, 0.2 * n, 0.9);
        Region region = s.region();
        TrackerConfiguration c = TrackerConfiguration.defaults();
        TrackerConfiguration config = new TrackerConfiguration(0.5, 0.9, 0.2 * n / region.areaSquareMetres(),
                c.birthDensityPerSquareMetre(), c.deathRatePerSecond(), c.velocitySigmaMetresPerSecond(),
                c.gateProbability(), c.maxGateRadiusMetres(), c.confirmExistence(), c.deleteExistence(),
                c.maxPositionSigmaMetres(), java.util.Optional.of(region), "gnn", !singleThread);
        MultiTargetTracker tracker = config.build();
        Simulation sim = new Simulation(s);
        long detections = 0;
        double seconds = 0, slowest = 0;
        while (sim.hasNext()) {
            SimulatedScan scan = sim.next();
            long t0 = System.nanoTime();
            for (Frame f : scan.frames()) {
                tracker.process(f);
            }
            double dt = (System.nanoTime() - t0) / 1e9;
            seconds += dt;
            detections += scan.detectionCount();
            if (scan.timeSeconds() >= warmupSeconds) {
                slowest = Math.max(slowest, dt);
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("targets", n);
        r.put("scans", s.scans());
        r.put("detections", detections);
        r.put("seconds", seconds);
        r.put("detectionsPerSecond", detections / Math.max(seconds, 1e-9));
        r.put("slowestScanSeconds", slowest);
        r.put("realTime", slowest < s.dtSeconds());
        r.put("confirmedTracksAtEnd", tracker.confirmedTracks().size());
        return r;
    }
}
