package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.posture.check.PlanChecker;
import org.vigil.posture.io.PlanWriter;
import org.vigil.posture.model.Forces;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.Rules;
import org.vigil.posture.model.SolveStatus;
import org.vigil.posture.solve.PostureSolver;
import org.vigil.posture.sweep.Sweep;
import org.vigil.posture.sweep.SweepPoint;
import org.vigil.posture.sweep.SweepWriter;
import org.vigil.theatre.Theatre;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil plan posture}: which units from which nations go where. */
@Command(name = "posture", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plans the force posture: units at stations under the troop cap and the stand-off,",
                "maximising criticality-weighted protection, then fewer troops, then shorter supply lines.",
                "Writes OUT/plan.json and OUT/plan.geojson, or with --sweep / --sweep-standoff the sweep",
                "CSV and SVG chart. Exit codes: 0 plan, 2 bad input, 3 infeasible, 4 no plan in the time limit."})
public final class PlanPostureCommand implements Callable<Integer> {

    @Mixin
    TheatreOptions theatreOptions;

    @Option(names = "--cap", paramLabel = "N", description = "Troop cap; stationed strength stays strictly below it (default ${DEFAULT-VALUE}).",
            defaultValue = "30000")
    int cap;

    @Option(names = "--standoff-km", paramLabel = "D", description = "No unit within D km (geodesic) of the line of contact (default ${DEFAULT-VALUE}).",
            defaultValue = "50")
    double standoffKm;

    @Option(names = "--require", paramLabel = "KIND|ID[,...]", split = ",",
            description = "Sites that must be guarded: site kinds or ids, or 'none' (default nuclear_power_station).")
    List<String> require = Rules.DEFAULT_REQUIREMENTS;

    @Option(names = "--response-minutes", paramLabel = "M", defaultValue = "120",
            description = "A site is covered when a mechanised QRF reaches it within M minutes by road (default ${DEFAULT-VALUE}).")
    double responseMinutes;

    @Option(names = "--rotation-ratio", paramLabel = "R", defaultValue = "3",
            description = "Troops generated per deployed soldier to sustain the plan (default ${DEFAULT-VALUE}, i.e. 3:1).")
    int rotationRatio;

    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "30",
            description = "Solver time limit per plan, seconds (default ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Option(names = "--workers", paramLabel = "N", description = "CP-SAT search workers (default: 8).", defaultValue = "8")
    int workers;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vigil-data/posture",
            description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--sweep", paramLabel = "FROM:TO:STEP",
            description = "Plan at each cap FROM..TO by STEP; writes OUT/sweep.csv and OUT/sweep.svg.")
    String sweep;

    @Option(names = "--sweep-standoff", paramLabel = "FROM:TO:STEP",
            description = "Plan at each stand-off (km); writes OUT/standoff-sweep.csv and OUT/standoff-sweep.svg.")
    String sweepStandoff;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintStream err = System.err;
        Theatre theatre = theatreOptions.theatre();
        Forces forces = theatreOptions.forces(theatre);
        Rules rules = new Rules(cap, standoffKm * 1000, Duration.ofSeconds(Math.round(responseMinutes * 60)),
                Rules.DEFAULT_TORTUOSITY, Rules.DEFAULT_ROAD_SPEED, require, rotationRatio);
        PostureProblem problem = PostureProblem.of(theatre, forces, rules);
        PostureSolver solver = new PostureSolver(Duration.ofMillis(Math.round(timeLimitSeconds * 1000)), workers);

        if (sweep != null || sweepStandoff != null) {
            return runSweeps(problem, solver);
        }
        err.printf(Locale.ROOT, "Planning posture: %d units from %d nations, %d sites, cap %,d, stand-off %.0f km, time limit %.0f s...%n",
                forces.units().size(), forces.nations().size(), theatre.sites().size(), cap, standoffKm, timeLimitSeconds);
        Plan plan = solver.solve(problem);
        PlanWriter.write(problem, plan, out);
        if (plan.status() == SolveStatus.INFEASIBLE) {
            err.println("vigil: INFEASIBLE: " + plan.message());
            return ExitCodes.INFEASIBLE;
        }
        if (plan.status() == SolveStatus.UNKNOWN) {
            err.println("vigil: " + plan.message());
            return ExitCodes.NO_PLAN_IN_TIME;
        }
        System.out.print(PostureSummary.table(problem, plan));
        System.out.println("Wrote " + out.resolve(PlanWriter.PLAN_JSON) + " and " + out.resolve(PlanWriter.PLAN_GEOJSON));
        List<String> broken = PlanChecker.violations(problem, plan);
        if (!broken.isEmpty()) {
            err.println("vigil: the plan breaks rules (a solver bug):");
            broken.forEach(b -> err.println("  " + b));
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private int runSweeps(PostureProblem problem, PostureSolver solver) throws IOException {
        java.nio.file.Files.createDirectories(out);
        Sweep sweeper = new Sweep(solver);
        double maximum = problem.sites().stream().filter(s -> s.site().isGovernmentControlled())
                .mapToDouble(s -> s.profile().criticality()).sum();
        if (sweep != null) {
            List<Double> caps = range("--sweep", sweep);
            if (caps.get(0) < 1) {
                throw new UserInputException("--sweep: caps must be at least 1");
            }
            List<SweepPoint> points = sweeper.caps(problem, caps, p -> System.err.println("Sweep: " + p));
            SweepWriter.csv(points, SweepWriter.Axis.CAP, out.resolve("sweep.csv"));
            SweepWriter.svg(points, SweepWriter.Axis.CAP, maximum, "What a smaller force buys: protection against the troop cap",
                    String.format(Locale.ROOT, "%s · stand-off %.0f km · QRF response %.0f min · required: %s",
                            problem.theatre().name(), standoffKm, responseMinutes, problem.requirementLabel()),
                    out.resolve("sweep.svg"));
            System.out.print(PostureSummary.sweepTable("cap", points));
            System.out.println("Wrote " + out.resolve("sweep.csv") + " and " + out.resolve("sweep.svg"));
        }
        if (sweepStandoff != null) {
            List<Double> kms = range("--sweep-standoff", sweepStandoff);
            List<SweepPoint> points = sweeper.standoffs(problem, kms,
                    p -> System.err.println("Sweep: " + p));
            SweepWriter.csv(points, SweepWriter.Axis.STANDOFF, out.resolve("standoff-sweep.csv"));
            SweepWriter.svg(points, SweepWriter.Axis.STANDOFF, maximum,
                    "What keeping further back costs: protection against the stand-off",
                    String.format(Locale.ROOT, "%s · cap %,d · QRF response %.0f min · required: %s",
                            problem.theatre().name(), cap, responseMinutes, problem.requirementLabel()),
                    out.resolve("standoff-sweep.svg"));
            System.out.print(PostureSummary.sweepTable("standoffKm", points));
            System.out.println("Wrote " + out.resolve("standoff-sweep.csv") + " and " + out.resolve("standoff-sweep.svg"));
        }
        return ExitCodes.OK;
    }

    private void validate() {
        if (cap < 1) {
            throw new UserInputException("--cap: must be a positive number of troops, got " + cap);
        }
        if (!(standoffKm >= 0) || standoffKm > 2000) {
            throw new UserInputException("--standoff-km: must be between 0 and 2000 km, got " + standoffKm);
        }
        if (!(timeLimitSeconds > 0) || timeLimitSeconds > 86_400) {
            throw new UserInputException("--time-limit: must be between 0 and 86400 seconds, got " + timeLimitSeconds);
        }
        if (!(responseMinutes > 0)) {
            throw new UserInputException("--response-minutes: must be positive, got " + responseMinutes);
        }
        if (rotationRatio < 1) {
            throw new UserInputException("--rotation-ratio: must be at least 1, got " + rotationRatio);
        }
        if (workers < 1) {
            throw new UserInputException("--workers: must be at least 1, got " + workers);
        }
    }

    static List<Double> range(String option, String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new UserInputException(option + ": expected FROM:TO:STEP, e.g. 10000:30000:2500, got '" + text + "'");
        }
        double[] v;
        try {
            v = Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new UserInputException(option + ": '" + text + "' is not FROM:TO:STEP numbers");
        }
        if (!(v[2] > 0) || !(v[1] >= v[0]) || v[0] < 0) {
            throw new UserInputException(option + ": need 0 <= FROM <= TO and STEP > 0, got '" + text + "'");
        }
        if ((v[1] - v[0]) / v[2] > 200) {
            throw new UserInputException(option + ": more than 200 points; use a larger STEP");
        }
        return Sweep.range(v[0], v[1], v[2]);
    }
}
