package org.vigil.posture.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.posture.check.PlanEvaluator;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.SolveStatus;
import org.vigil.posture.model.Station;
import org.vigil.posture.solve.PostureSolver;

/**
 * Pareto sweeps: the best plan at each troop cap ("what does a smaller force buy?")
 * or each stand-off distance ("what does keeping further back cost?").
 *
 * <p>Caps are solved in increasing order: the plan at a smaller cap stays feasible
 * under a larger one, so it is the next solve's starting point, and should a solve
 * stop at its time limit below it, the previous plan stands at this cap too
 * (FEASIBLE). The curve is therefore monotone whatever the time limit. Stand-offs
 * are solved in decreasing order for the same reason (a plan behind a wider
 * stand-off keeps every rule of a narrower one). A floor constraint would say the
 * same to the solver, but measured, it slows the solves several-fold.
 */
public final class Sweep {

    private final PostureSolver solver;

    public Sweep(PostureSolver solver) {
        this.solver = solver;
    }

    /** Values from, from+step, ..., up to and including to. */
    public static List<Double> range(double from, double to, double step) {
        if (!(step > 0) || !(to >= from)) {
            throw new IllegalArgumentException("a range is FROM:TO:STEP with FROM <= TO and STEP > 0");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; from + i * step <= to + 1e-9; i++) {
            out.add(from + i * step);
        }
        return out;
    }

    public List<SweepPoint> caps(PostureProblem base, List<Double> caps, Consumer<String> progress) {
        List<Double> ordered = caps.stream().sorted().toList();
        List<SweepPoint> out = new ArrayList<>();
        Plan previous = null;
        for (int i = 0; i < ordered.size(); i++) {
            int cap = (int) Math.round(ordered.get(i));
            progress.accept("planning at cap " + cap + " (" + (i + 1) + "/" + ordered.size() + ")...");
            Plan plan = atLeastAsGoodAs(solver, base.withRules(base.rules().withCap(cap)), previous);
            out.add(point(cap, plan));
            report(plan, progress);
            if (plan.status().hasPlan()) {
                previous = plan;
            }
        }
        return out;
    }

    public List<SweepPoint> standoffs(PostureProblem base, List<Double> standoffsKm, Consumer<String> progress) {
        List<Double> ordered = standoffsKm.stream().sorted((a, b) -> Double.compare(b, a)).toList();
        List<SweepPoint> out = new ArrayList<>();
        Plan previous = null;
        for (int i = 0; i < ordered.size(); i++) {
            double km = ordered.get(i);
            progress.accept("planning at stand-off " + km + " km (" + (i + 1) + "/" + ordered.size() + ")...");
            Plan plan = atLeastAsGoodAs(solver, base.withRules(base.rules().withStandoffMetres(km * 1000)), previous);
            out.add(point(km, plan));
            report(plan, progress);
            if (plan.status().hasPlan()) {
                previous = plan;
            }
        }
        return out.reversed();
    }

    /** The solver's plan, or the previous plan re-measured under these rules when that protects more. */
    private static Plan atLeastAsGoodAs(PostureSolver solver, PostureProblem problem, Plan previous) {
        List<Station> hint = previous == null ? List.of() : previous.stations();
        Plan plan = solver.solve(problem, hint);
        if (previous == null || (plan.status().hasPlan() && plan.objective() >= previous.objective())) {
            return plan;
        }
        var sites = PlanEvaluator.evaluate(problem, previous.stations());
        double objective = PlanEvaluator.objective(sites);
        return new Plan(SolveStatus.FEASIBLE, objective, Math.max(objective, plan.bound()), problem.rules(),
                previous.stations(), sites, plan.seconds(), "");
    }

    private static void report(Plan plan, Consumer<String> progress) {
        if (!plan.status().hasPlan()) {
            progress.accept("  " + plan.status() + ": " + plan.message());
        }
    }

    private static SweepPoint point(double value, Plan plan) {
        return new SweepPoint(value, plan.status(), plan.objective(), plan.bound(), plan.totalStrength(),
                plan.guardedCount(), plan.coveredCount());
    }
}
