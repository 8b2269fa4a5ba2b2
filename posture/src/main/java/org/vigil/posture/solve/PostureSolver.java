package org.vigil.posture.solve;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.posture.check.PlanEvaluator;
import org.vigil.posture.model.Nation;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.PostureSite;
import org.vigil.posture.model.SolveStatus;
import org.vigil.posture.model.Station;
import org.vigil.posture.model.Unit;

/**
 * Plans a posture with OR-Tools CP-SAT, lexicographically: first the most
 * criticality-weighted protection; then, with that held, the fewest troops and
 * then the shortest supply lines (one weighted objective: a troop outweighs any
 * difference in supply), started from the first solve's solution. The plan is
 * OPTIMAL only when both solves are proved optimal; the bound is on protection.
 *
 * <p>When no plan exists, the solver is asked smaller questions to name the rule
 * that blocks the requirements (stand-off, control, capacity, caveats, or the cap).
 */
public final class PostureSolver {

    private final Duration timeLimit;
    private final int workers;

    /**
     * @param timeLimit wall-clock budget for one plan, shared by the two solves
     * @param workers   CP-SAT search workers
     */
    public PostureSolver(Duration timeLimit, int workers) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        this.timeLimit = timeLimit;
        this.workers = Math.max(1, workers);
        Loader.loadNativeLibraries();
    }

    public Plan solve(PostureProblem problem) {
        return solve(problem, List.of());
    }

    /**
     * @param hint             a previous plan's stations to start from (may be empty)
     */
    public Plan solve(PostureProblem problem, List<Station> hint) {
        long started = System.nanoTime();
        double deadline = timeLimit.toMillis() / 1000.0;
        PostureModel m = new PostureModel(problem, true);
        if (!hint.isEmpty()) {
            m.hint(hint);
        }

        m.model.maximize(m.protectionHalfPoints);
        CpSolver s1 = solver(0.6 * deadline);
        CpSolverStatus st1 = s1.solve(m.model);
        debug("stage 1 " + st1 + " " + s1.objectiveValue() + " bound " + s1.bestObjectiveBound() + " at " + seconds(started));
        if (st1 == CpSolverStatus.INFEASIBLE) {
            return noPlan(problem, SolveStatus.INFEASIBLE, diagnose(problem), started);
        }
        if (st1 != CpSolverStatus.OPTIMAL && st1 != CpSolverStatus.FEASIBLE) {
            return noPlan(problem, SolveStatus.UNKNOWN, noPlanInTime(st1), started);
        }
        long protection = Math.round(s1.objectiveValue());
        double bound = s1.bestObjectiveBound() / 2.0;
        boolean optimal = st1 == CpSolverStatus.OPTIMAL;
        List<Station> best = m.stations(s1::value);

        // Stage 2: hold the protection; fewest troops, then shortest supply lines, as one
        // objective in which a troop (in gcd multiples) outweighs every supply difference.
        m.model.addGreaterOrEqual(m.protectionHalfPoints, protection);
        m.addDominanceRules();
        m.hintFrom(s1);
        m.model.minimize(LinearExpr.newBuilder().addTerm(m.totalStrengthInGcds, m.supplyScale)
                .add(m.supplyEffort).build());
        CpSolver s2 = solver(remaining(started, deadline));
        CpSolverStatus st2 = s2.solve(m.model);
        debug("stage 2 " + st2 + " " + s2.objectiveValue() + " bound " + s2.bestObjectiveBound() + " at " + seconds(started));
        if (st2 == CpSolverStatus.OPTIMAL || st2 == CpSolverStatus.FEASIBLE) {
            best = m.stations(s2::value);
        }
        optimal &= st2 == CpSolverStatus.OPTIMAL;
        var sites = PlanEvaluator.evaluate(problem, best);
        double objective = PlanEvaluator.objective(sites);
        return new Plan(optimal ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE, objective,
                optimal ? objective : Math.max(bound, objective), problem.rules(), best, sites, seconds(started), "");
    }

    private String noPlanInTime(CpSolverStatus status) {
        return "no plan found within the time limit of " + timeLimit.toSeconds() + " s (solver status " + status
                + "); allow more with --time-limit";
    }

    private static void debug(String message) {
        if (Boolean.getBoolean("vigil.solver.debug")) {
            System.err.println("[posture solver] " + message);
        }
    }

    private CpSolver solver(double seconds) {
        CpSolver s = new CpSolver();
        s.getParameters().setMaxTimeInSeconds(Math.max(0.05, seconds)).setNumWorkers(workers)
                .setLogSearchProgress(Boolean.getBoolean("vigil.solver.log"));
        String extra = System.getProperty("vigil.solver.params");
        if (extra != null) {
            try {
                com.google.protobuf.TextFormat.merge(extra, s.getParameters());
            } catch (com.google.protobuf.TextFormat.ParseException e) {
                throw new IllegalArgumentException("vigil.solver.params: " + e.getMessage());
            }
        }
        return s;
    }

    private static double remaining(long started, double deadline) {
        return Math.max(0.05, deadline - seconds(started));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static Plan noPlan(PostureProblem p, SolveStatus status, String message, long started) {
        return new Plan(status, 0, 0, p.rules(), List.of(), List.of(), seconds(started), message);
    }

    /** Names the requirement and the rule that blocks it. */
    String diagnose(PostureProblem p) {
        String req = "requirement '" + p.requirementLabel() + "'";
        for (PostureSite r : p.requiredSites()) {
            Optional<String> blocked = p.stationingBlockedBy(r);
            if (blocked.isPresent()) {
                return req + ": " + r.id() + " cannot be guarded; blocked by the rule: " + blocked.get();
            }
            if (r.profile().stationCapacity() < r.profile().guardStrength()) {
                return req + ": " + r.id() + " cannot be guarded; blocked by the rule: station capacity ("
                        + r.profile().stationCapacity() + " troops, below its guard strength " + r.profile().guardStrength() + ")";
            }
            int allowed = 0;
            List<String> refusing = new ArrayList<>();
            for (Unit u : p.forces().units()) {
                Nation nation = p.forces().nation(u.nation()).orElseThrow();
                if (p.stationingBlockedBy(r, nation).isEmpty()) {
                    allowed += u.strength();
                } else if (!refusing.contains(nation.code())) {
                    refusing.add(nation.code());
                }
            }
            if (allowed < r.profile().guardStrength()) {
                return req + ": " + r.id() + " cannot be guarded; blocked by national caveats (" + String.join(", ", refusing)
                        + " will not serve there; the others have only " + allowed + " troops, it needs "
                        + r.profile().guardStrength() + ")";
            }
        }
        String ids = p.requiredSites().stream().map(PostureSite::id).collect(Collectors.joining(", "));
        PostureModel uncapped = new PostureModel(p, false);
        uncapped.model.minimize(uncapped.totalStrength);
        CpSolver s = solver(Math.max(1, timeLimit.toSeconds() / 2.0));
        CpSolverStatus st = s.solve(uncapped.model);
        if (st == CpSolverStatus.INFEASIBLE) {
            return req + ": guarding " + ids + " together needs more units than the nations can station there"
                    + " (blocked by the forces available under their caveats and the sites' capacities)";
        }
        if (st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE) {
            long need = Math.round(st == CpSolverStatus.OPTIMAL ? s.objectiveValue() : s.bestObjectiveBound());
            if (need >= p.rules().capTroops()) {
                return String.format(Locale.ROOT, "%s is blocked by the troop cap: guarding %s needs at least %,d troops"
                        + " stationed, and a cap of %,d allows at most %,d", req, ids, need, p.rules().capTroops(),
                        p.rules().capTroops() - 1);
            }
        }
        return req + ": no plan meets all the rules together (troop cap, stand-off, caveats, capacities)";
    }
}
