package org.vigil.posture.orlib;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
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
 * bundled with OR-Tools and proves optimality with an exact-enough LP; its relative gap limit is
 * set to 0 because the published optima are compared to 0.01 absolute, far below MPSolver's
 * default 1e-4 relative gap on objectives near 10^6–10^7.
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
            solver.enableOutput();
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
        double seconds = (System.nanoTime() - started) / 1e9;
        solver.delete();
        return new OrlibResult(instance.name(), value, outcome, seconds);
    }
}
