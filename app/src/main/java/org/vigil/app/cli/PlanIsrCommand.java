package org.vigil.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.isr.IsrPlanner;
import org.vigil.isr.IsrProblem;
import org.vigil.isr.coverage.AreaCoverage;
import org.vigil.isr.coverage.Coverage;
import org.vigil.isr.io.AssetsReader;
import org.vigil.isr.io.IsrPlanWriter;
import org.vigil.isr.io.IsrSummary;
import org.vigil.isr.io.SatelliteCatalogue;
import org.vigil.isr.model.Assets;
import org.vigil.isr.model.Horizon;
import org.vigil.isr.model.IsrPlan;
import org.vigil.isr.model.Satellite;
import org.vigil.isr.orbit.TleEntry;
import org.vigil.isr.solve.IsrScheduler;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.io.TheatreLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil plan isr}: which satellite pass, aircraft orbit and drone sortie watches what, when. */
@Command(name = "isr", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plans surveillance of the theatre's contact line, borders and protected sites with satellites",
                "(Orekit access windows), aircraft orbits and drone sorties, scheduled with CP-SAT over 10-minute slots.",
                "Writes OUT/isr-plan.json, OUT/coverage.csv and OUT/coverage.geojson and prints a summary naming every",
                "unmet requirement and why. Exit codes: 0 plan, 2 bad input, 4 no plan in the time limit."})
public final class PlanIsrCommand implements Callable<Integer> {

    @Option(names = "--theatre", paramLabel = "DIR",
            description = "Theatre directory (sites.csv, contact_line.geojson, occupied.geojson, border.geojson,"
                    + " neighbours.geojson). Default: the bundled Ukraine theatre.")
    Path theatreDir;

    @Option(names = "--assets", paramLabel = "FILE",
            description = "Assets file (YAML: aircraft, drones, requirements). Default: the bundled assets-default.yaml"
                    + " (4 aircraft, 60 drones).")
    Path assetsFile;

    @Option(names = "--tle", paramLabel = "FILE",
            description = "Element sets of the imaging satellites (their sensors come from the bundled eo-sample.csv)."
                    + " Default: the bundled Earth-observation sample (20 satellites).")
    Path tleFile;

    @Option(names = "--start", paramLabel = "ISO8601",
            description = "Start of the horizon (UTC). Default: the newest TLE epoch, rounded to the hour.")
    String start;

    @Option(names = "--horizon-hours", paramLabel = "H", defaultValue = "24",
            description = "Horizon length, hours: 1 to 72 (default ${DEFAULT-VALUE}).")
    double horizonHours;

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "45",
            description = "Wall-clock budget for the model and solver, seconds (default ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "CP-SAT search workers (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vigil-data/isr", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!(horizonHours >= 1) || horizonHours > IsrPlanner.MAX_HORIZON.toHours()) {
            throw new UserInputException("--horizon-hours: must be between 1 and 72 hours, got " + horizonHours);
        }
        if (!(timeLimitSeconds > 0) || timeLimitSeconds > 86_400) {
            throw new UserInputException("--time-limit: must be between 0 and 86400 seconds, got " + timeLimitSeconds);
        }
        if (workers < 1) {
            throw new UserInputException("--workers: must be at least 1, got " + workers);
        }
        long started = System.nanoTime();
        Theatre theatre = theatreDir == null ? TheatreLoader.bundledUkraine() : TheatreLoader.fromDirectory(theatreDir);
        if (assetsFile != null && !Files.isRegularFile(assetsFile)) {
            throw new UserInputException("--assets: " + assetsFile + ": no such file");
        }
        Assets assets = assetsFile == null ? AssetsReader.bundledDefault() : AssetsReader.read(assetsFile);
        List<TleEntry> tles = tleFile == null ? SatelliteCatalogue.bundledTles() : SatelliteCatalogue.read(tleFile);
        List<Satellite> satellites = SatelliteCatalogue.satellites(tles, assets, tleFile == null ? "bundled eo-sample.tle" : tleFile.toString());
        Instant t0 = start == null ? IsrPlanner.defaultStart(tles) : IsrPassesCommand.parseInstant("--start", start);
        long minutes = Math.round(horizonHours * 60);
        if (minutes % 10 != 0) {
            throw new UserInputException("--horizon-hours: must be a whole number of 10-minute slots, got " + horizonHours);
        }
        Horizon horizon = Horizon.of(t0, Duration.ofMinutes(minutes));
        for (String w : IsrPlanner.epochWarnings(tles, horizon.start(), horizon.end())) {
            System.err.println("vigil: warning: " + w);
        }
        System.err.printf(Locale.ROOT, "Planning ISR from %s for %.0f h: %d satellites, %d aircraft, %d drones, time limit %.0f s...%n",
                horizon.start(), horizonHours, satellites.size(), assets.aircraft().size(), assets.droneCount(), timeLimitSeconds);
        IsrProblem problem = IsrProblem.build(theatre, assets, satellites, horizon);
        double used = (System.nanoTime() - started) / 1e9;
        IsrScheduler scheduler = new IsrScheduler(Duration.ofMillis(Math.round(Math.max(5, timeLimitSeconds - used) * 1000)), workers);
        IsrPlan plan = scheduler.solve(problem);
        if (plan.status().equals("UNKNOWN") || plan.status().equals("INFEASIBLE")) {
            System.err.println("vigil: no plan within the time limit of " + timeLimitSeconds + " s (solver status "
                    + plan.status() + "); allow more with --time-limit");
            return ExitCodes.NO_PLAN_IN_TIME;
        }
        List<AreaCoverage> coverage = Coverage.of(problem.areas(), plan.tasks(), plan.start(), plan.end());
        IsrPlanWriter.write(plan, coverage, out);
        System.out.print(IsrSummary.table(problem, plan, coverage));
        System.out.printf(Locale.ROOT, "Wrote %s, %s and %s (%.1f s in all)%n", out.resolve(IsrPlanWriter.PLAN_JSON),
                out.resolve(IsrPlanWriter.COVERAGE_CSV), out.resolve(IsrPlanWriter.COVERAGE_GEOJSON), (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }
}
