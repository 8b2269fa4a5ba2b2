package org.vigil.posture.orlib;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.vigil.posture.model.SolveStatus;

/**
 * Solves a {@link CapacitatedWarehouseInstance} as the multi-source (splittable) capacitated
 * facility-location problem, the one OR-Library's optima are published for, with a MIP solver
 * through OR-Tools' {@link MPSolver}.
 *
 * <p>Mathematics. y_i ∈ {0,1} opens site i; x_ij ∈ [0,1] is the fraction of customer j's demand
 * served from i:
 * <pre>
 *   minimise   Σ_i f_i·y_i + Σ_i Σ_j c_ij·x_ij
 *   subject to Σ_i x_ij = 1                        every customer fully served
 *              Σ_j d_j·x_ij ≤ Q_i·y_i              capacity, and only open sites serve
 *              x_ij ≤ y_i                          (strong linking; implied for integer y)
 *              Σ_i Q_i·y_i ≥ Σ_j d_j               (enough capacity opened; implied)
 * </pre>
 * with f the fixed costs, c_ij the cost of serving all of j from i, d the demands and Q the
 * capacities. The two implied rows tighten the linear relaxation: x_ij ≤ y_i closes most of the
 * gap of the weak form on these instances, and the aggregate row gives the solver a knapsack
 * to derive cover cuts from when capacity binds.
 *
 * <p>Why a MIP backend: x_ij is continuous, which CP-SAT can only approximate by scaling. SCIP is
 * bundled with OR-Tools and proves optimality with an exact-enough LP (capa/capb/capc land within
 * 0.001 of the published optima); its relative gap limit is set to 0 because the published optima
 * are compared to 0.01 absolute, far below MPSolver's default 1e-4 relative gap on objectives near
 * 10^6–10^7. SCIP solves on one thread here whatever {@code threads} says.
 *
 * <p>A drop heuristic (all sites open, close the best one while that pays, assignments priced
 * greedily) gives SCIP its open sites as a hint: on capa at capacity 8000 it found its first good
 * incumbent at 184 s without it, and the solve took 236 s; with it, 178 s (both on 2 busy cores).
 * Most of the rest is the root LP, 100 k columns and 100 k linking rows.
 */
public final class WarehouseSolver {

    private final Duration timeLimit;
    private final int threads;

    /**
     * @param timeLimit wall-clock budget of one solve
     * @param threads   solver threads, where the backend supports more than one; at least 1
     */
    public WarehouseSolver(Duration timeLimit, int threads) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        this.timeLimit = timeLimit;
        this.threads = Math.max(1, threads);
        Loader.loadNativeLibraries();
    }

    public OrlibResult solve(CapacitatedWarehouseInstance instance) {
        long started = System.nanoTime();
        int m = instance.siteCount();
        int n = instance.customerCount();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("the SCIP backend of OR-Tools is not available");
        }
        solver.setNumThreads(threads);
        if (Boolean.getBoolean("vigil.solver.debug")) {
            solver.enableOutput(); // SCIP's log goes to stdout: a developer switch, off by default
        }
        MPVariable[] open = new MPVariable[m];
        MPVariable[][] serve = new MPVariable[m][n];
        MPObjective objective = solver.objective();
        for (int i = 0; i < m; i++) {
            open[i] = solver.makeBoolVar("y" + (i + 1));
            objective.setCoefficient(open[i], instance.fixedCost(i));
            for (int j = 0; j < n; j++) {
                serve[i][j] = solver.makeNumVar(0, 1, "x" + (i + 1) + "_" + (j + 1));
                objective.setCoefficient(serve[i][j], instance.cost(i, j));
            }
        }
        objective.setMinimization();
        for (int j = 0; j < n; j++) {
            MPConstraint served = solver.makeConstraint(1, 1, "serve" + (j + 1));
            for (int i = 0; i < m; i++) {
                served.setCoefficient(serve[i][j], 1);
            }
        }
        for (int i = 0; i < m; i++) {
            MPConstraint capacity = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "capacity" + (i + 1));
            capacity.setCoefficient(open[i], -instance.capacity(i));
            for (int j = 0; j < n; j++) {
                capacity.setCoefficient(serve[i][j], instance.demand(j));
                MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "link" + (i + 1) + "_" + (j + 1));
                link.setCoefficient(serve[i][j], 1);
                link.setCoefficient(open[i], -1);
            }
        }
        MPConstraint enough = solver.makeConstraint(instance.totalDemand(), Double.POSITIVE_INFINITY, "enough");
        for (int i = 0; i < m; i++) {
            enough.setCoefficient(open[i], instance.capacity(i));
        }

        // Start SCIP from a heuristic set of open sites: with an incumbent at the root, reduced-cost
        // fixing closes most sites as soon as the first LP is solved. Only y is hinted; SCIP
        // completes the partial solution with the exact transportation LP.
        OpenSites start = dropHeuristic(instance);
        if (start != null) {
            double[] values = new double[m];
            for (int i = 0; i < m; i++) {
                values[i] = start.open()[i] ? 1 : 0;
            }
            solver.setHint(open, values);
            // SCIP drops a partial solution with over 85 % of its variables unset unless told
            // otherwise; here the x are left to it on purpose.
            solver.setSolverSpecificParametersAsString("heuristics/completesol/maxunknownrate = 1\n");
            if (Boolean.getBoolean("vigil.solver.debug")) {
                System.err.printf("[orlib] %s: drop heuristic opens %d sites at %.1f s%n", instance.name(),
                        Arrays.stream(values).filter(v -> v > 0).count(), (System.nanoTime() - started) / 1e9);
            }
        }

        long left = timeLimit.toMillis() - Math.round((System.nanoTime() - started) / 1e6);
        solver.setTimeLimit(Math.max(50, left));
        MPSolverParameters parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        MPSolver.ResultStatus status = solver.solve(parameters);
        SolveStatus outcome = switch (status) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            default -> SolveStatus.UNKNOWN;
        };
        double value = outcome.hasPlan() ? objective.value() : Double.NaN;
        if (start != null && (outcome == SolveStatus.UNKNOWN
                || (outcome == SolveStatus.FEASIBLE && start.cost() < value))) {
            // Out of time before SCIP had a solution: the heuristic's is still one.
            outcome = SolveStatus.FEASIBLE;
            value = start.cost();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        solver.delete();
        return new OrlibResult(instance.name(), value, outcome, seconds);
    }

    /** A set of open sites and the cost of a feasible assignment to them. */
    record OpenSites(boolean[] open, double cost) {
    }

    /**
     * A drop heuristic: open every site, then repeatedly close the site whose closing lowers the
     * cost most, priced by {@link #greedyCost}. Returns null when even all sites lack capacity.
     * O(m² · n) pricings of a customer at worst; about a second for 100 × 1000.
     */
    static OpenSites dropHeuristic(CapacitatedWarehouseInstance instance) {
        int m = instance.siteCount();
        int n = instance.customerCount();
        // Orders fixed once: customers by decreasing demand, and each customer's sites by cost.
        int[] customers = IntStream.range(0, n).boxed()
                .sorted((a, b) -> Double.compare(instance.demand(b), instance.demand(a)))
                .mapToInt(Integer::intValue).toArray();
        int[][] sitesByCost = new int[n][];
        for (int j = 0; j < n; j++) {
            int customer = j;
            sitesByCost[j] = IntStream.range(0, m).boxed()
                    .sorted(Comparator.comparingDouble(i -> instance.cost(i, customer)))
                    .mapToInt(Integer::intValue).toArray();
        }
        boolean[] open = new boolean[m];
        Arrays.fill(open, true);
        double current = greedyCost(instance, open, customers, sitesByCost);
        if (Double.isInfinite(current)) {
            return null;
        }
        while (true) {
            int bestSite = -1;
            double best = current;
            for (int i = 0; i < m; i++) {
                if (!open[i]) {
                    continue;
                }
                open[i] = false;
                double cost = greedyCost(instance, open, customers, sitesByCost);
                open[i] = true;
                if (cost < best) {
                    best = cost;
                    bestSite = i;
                }
            }
            if (bestSite < 0) {
                return new OpenSites(open, current);
            }
            open[bestSite] = false;
            current = best;
        }
    }

    /**
     * Fixed costs of the open sites plus a feasible, not necessarily cheapest, split assignment:
     * customers in the given order each fill their cheapest open sites with capacity left until
     * served. Infinity when the open sites cannot hold the demand this way.
     */
    private static double greedyCost(CapacitatedWarehouseInstance instance, boolean[] open, int[] customers,
                                     int[][] sitesByCost) {
        int m = instance.siteCount();
        double[] left = new double[m];
        double total = 0;
        double capacity = 0;
        for (int i = 0; i < m; i++) {
            if (open[i]) {
                left[i] = instance.capacity(i);
                capacity += left[i];
                total += instance.fixedCost(i);
            }
        }
        if (capacity < instance.totalDemand()) {
            return Double.POSITIVE_INFINITY;
        }
        for (int j : customers) {
            double demand = instance.demand(j);
            double unserved = demand;
            for (int i : sitesByCost[j]) {
                if (!open[i] || (left[i] <= 0 && demand > 0)) {
                    continue;
                }
                if (demand == 0) {
                    total += instance.cost(i, j); // a customer with no demand is still assigned
                    unserved = 0;
                    break;
                }
                double take = Math.min(unserved, left[i]);
                left[i] -= take;
                unserved -= take;
                total += instance.cost(i, j) * take / demand;
                if (unserved <= 0) {
                    break;
                }
            }
            if (unserved > 1e-9 * Math.max(1, demand)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return total;
    }
}
