package org.vigil.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.http.JournalHistory;
import org.vigil.app.live.LiveServer;
import org.vigil.app.live.SimulatedJournal;
import org.vigil.store.Store;
import org.vigil.store.Stores;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.io.TheatreLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench history}: what the time slider's history costs. Journals a stretch of the
 * {@code --simulate} feed (as fast as the simulator runs) into a fresh SQLite store, then asks the
 * history for the whole stretch, as {@code GET /api/tracks/history} does: the journal read and
 * re-fused by a fresh pipeline. Then asks again (the cached answer).
 */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time-slider history: journals MINUTES of the simulator feed, then replays it as one history request.",
                "Prints one JSON line: reports, fill seconds, replay seconds, reports per second, states, cached seconds."})
public final class BenchHistoryCommand implements Callable<Integer> {

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "60",
            description = "Minutes of simulated feed to journal and replay (default ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--targets", paramLabel = "N", defaultValue = "200",
            description = "Simulated vehicles, as serve --sim-targets (default ${DEFAULT-VALUE}, the demo's).")
    int targets;

    @Option(names = "--step-s", paramLabel = "S", defaultValue = "10",
            description = "The slider's step, seconds: at most one state per track per step (default ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the benchmark's SQLite store goes (default: a temporary folder, deleted after).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        if (minutes < 1 || minutes > JournalHistory.MAX_WINDOW.toMinutes()) {
            throw new UserInputException("--minutes must be between 1 and " + JournalHistory.MAX_WINDOW.toMinutes());
        }
        if (targets < 1 || targets > 100_000) {
            throw new UserInputException("--targets must be between 1 and 100000");
        }
        if (stepSeconds < 1 || stepSeconds > 600) {
            throw new UserInputException("--step-s must be between 1 and 600");
        }
        Theatre theatre = TheatreLoader.bundledUkraine();
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("vigil-bench-history") : dataDir;
        if (!temporary && Files.exists(dir.resolve("vigil.db"))) {
            throw new UserInputException("--data-dir " + dir + " already holds a store; give an empty folder");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        try (Store store = Stores.open(dir, Optional.empty())) {
            Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant start = end.minus(Duration.ofMinutes(minutes));
            long t0 = System.nanoTime();
            long reports = SimulatedJournal.fill(theatre, store.journal(), targets, 1, start, Duration.ofMinutes(minutes));
            double fillS = (System.nanoTime() - t0) / 1e9;
            try (JournalHistory history = new JournalHistory(store.journal(), LiveServer.historyPipelines(theatre))) {
                long t1 = System.nanoTime();
                JournalHistory.Answer a = history.request(start, end, Duration.ofSeconds(stepSeconds), JournalHistory.MAX_STATES,
                        Duration.ofMinutes(30));
                double replayS = (System.nanoTime() - t1) / 1e9;
                if (!(a instanceof JournalHistory.Answer.Ready ready)) {
                    throw new IllegalStateException("the history replay did not finish within 30 minutes");
                }
                long t2 = System.nanoTime();
                history.request(start, end, Duration.ofSeconds(stepSeconds), JournalHistory.MAX_STATES, Duration.ofMinutes(1));
                double cachedS = (System.nanoTime() - t2) / 1e9;
                json.put("bench", "history");
                json.put("cores", Runtime.getRuntime().availableProcessors());
                json.put("minutes", minutes);
                json.put("targets", targets);
                json.put("stepS", stepSeconds);
                json.put("reports", reports);
                json.put("reportsPerSecondOfFeed", Math.round(reports / (minutes * 60.0) * 10) / 10.0);
                json.put("fillSeconds", round3(fillS));
                json.put("replayedReports", ready.reportsReplayed());
                json.put("requestSeconds", round3(replayS));
                json.put("replayReportsPerSecond", Math.round(ready.reportsReplayed() / replayS));
                json.put("states", ready.states().size());
                json.put("truncated", ready.truncated());
                json.put("cachedSeconds", round3(cachedS));
            }
        } finally {
            if (temporary) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return ExitCodes.OK;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
