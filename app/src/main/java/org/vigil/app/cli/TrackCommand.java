package org.vigil.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
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
                "cpuSeconds is the loop thread's CPU time (on a busy machine, closer to what a quiet one would time)."})
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
        Scenario s = ScenarioReader.read(scenario);
        TrackerConfiguration config = TrackerConfiguration.forScenario(s).withAssociator(associator).withMotion(motion)
                .withParallel(!singleThread);
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
        if (s.hasTruth()) {
            ScenarioScore score = run.score(s, 100, 1);
            json.put("gospa", score.gospa());
            json.put("ospa", score.ospa());
        }
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return ExitCodes.OK;
    }
}
