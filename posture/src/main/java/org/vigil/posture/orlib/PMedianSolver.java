package org.vigil.posture.orlib;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.posture.model.SolveStatus;

/**
 * Solves a {@link PMedianInstance} to proved optimality with OR-Tools CP-SAT, using Elloumi's
 * formulation over sorted distinct distances (S. Elloumi, "A tighter formulation of the p-median
 * problem", J. Comb. Optim. 19 (2010) 69-83), in its chained form.
 *
 * <p>Mathematics. For vertex i let D_i^1 &lt; D_i^2 &lt; ... be the distinct distances from i to
 * the vertices, and let y_j ∈ {0,1} say that j is a median. z_i^k ∈ {0,1} is 1 when no median
 * lies within D_i^k of i; then i's distance to its nearest median is
 * D_i^1 + Σ_k (D_i^{k+1} − D_i^k)·z_i^k, and
 * <pre>
 *   minimise   Σ_i Σ_k (D_i^{k+1} − D_i^k) · z_i^k            (+ Σ_i D_i^1, which is 0)
 *   subject to Σ_j y_j = p
 *              z_i^1 + Σ_{j : d_ij = D_i^1} y_j ≥ 1                        for every i
 *              z_i^k + Σ_{j : d_ij = D_i^k} y_j ≥ z_i^(k−1)                for every i, k ≥ 2
 * </pre>
 * Summing the chained constraints gives Elloumi's z_i^k + Σ_{j : d_ij ≤ D_i^k} y_j ≥ 1, with the
 * same linear relaxation (whose bound equals that of the classic x_ij ≤ y_j formulation) but
 * with each y_j appearing once per vertex instead of once per distance: O(n²) non-zeros
 * instead of O(n³). Because exactly n − p vertices are not medians, any n − p + 1 vertices hold
 * a median: z_i^k is fixed to 0, and dropped, from the first k whose ball around i holds
 * n − p + 1 vertices. Distances are integers, so the objective is exact.
 *
 * <p>Why CP-SAT and this formulation: measured on OR-Library pmed1–10 and pmed11–40 against the
 * x_ij formulation and against SCIP (see bench/orlib/README.md in the project); the distinct
 * distances of these graphs number far fewer than n, so the model is a fraction of the x_ij one.
 */
public final class PMedianSolver {

    private final Duration timeLimit;
    private final int workers;

    /**
     * @param timeLimit wall-clock budget of one solve
     * @param workers   CP-SAT search workers (parallel portfolio); at least 1
     */
    public PMedianSolver(Duration timeLimit, int workers) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        this.timeLimit = timeLimit;
        this.workers = Math.max(1, workers);
        Loader.loadNativeLibraries();
    }

    public OrlibResult solve(PMedianInstance instance) {
        long started = System.nanoTime();
        int n = instance.vertexCount();
        int p = instance.medianCount();
        CpModel model = new CpModel();
        Literal[] median = new Literal[n];
        for (int j = 0; j < n; j++) {
            median[j] = model.newBoolVar("y" + (j + 1));
        }
        model.addEquality(LinearExpr.sum(median), p);

        LinearExprBuilder objective = LinearExpr.newBuilder();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            int[] d = new int[n];
            for (int j = 0; j < n; j++) {
                d[j] = instance.distance(i, j);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(d[a], d[b]));
            // Walk i's vertices by distance, one ball (distinct distance) at a time.
            Literal previous = null; // z_i^(k-1); null stands for the constant 1
            int covered = 0;
            int at = 0;
            while (at < n) {
                int radius = d[order[at]];
                List<Literal> ring = new ArrayList<>();
                while (at < n && d[order[at]] == radius) {
                    ring.add(median[order[at]]);
                    at++;
                }
                covered += ring.size();
                boolean last = at == n || covered >= n - p + 1;
                if (last) {
                    // z_i^k is 0 here: Σ_{ring} y_j ≥ z_i^(k-1).
                    if (previous == null) {
                        break; // a median within the first ball is certain: nothing to model
                    }
                    ring.add(previous.not()); // y-ring + (1 − z_prev) ≥ 1
                    model.addBoolOr(ring);
                    break;
                }
                Literal z = model.newBoolVar("z" + (i + 1) + "_" + radius);
                // z_i^k + Σ_{ring} y_j ≥ z_i^(k−1), as the clause ¬z_prev ∨ z ∨ ring.
                ring.add(z);
                if (previous != null) {
                    ring.add(previous.not());
                }
                model.addBoolOr(ring);
                int step = d[order[at]] - radius; // D_i^(k+1) − D_i^k
                objective.addTerm(z, step);
                previous = z;
            }
        }
        model.minimize(objective);

        CpSolver solver = new CpSolver();
        double left = timeLimit.toMillis() / 1000.0 - seconds(started);
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.05, left)).setNumWorkers(workers)
                .setLogSearchProgress(Boolean.getBoolean("vigil.solver.debug"))
                .setLinearizationLevel(Integer.getInteger("vigil.lin", 2));
        for (String sub : System.getProperty("vigil.subs", "max_lp").split(",")) {
            if (!sub.isBlank()) solver.getParameters().addSubsolvers(sub);
        }
        CpSolverStatus status = solver.solve(model);
        SolveStatus outcome = switch (status) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            default -> SolveStatus.UNKNOWN;
        };
        double value = Double.NaN;
        if (outcome.hasPlan()) {
            // Re-price the chosen medians on the distance matrix: the reported objective is the
            // instance's own measure of the solution, not the model's.
            int[] chosen = new int[p];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (solver.booleanValue(median[j])) {
                    chosen[c++] = j;
                }
            }
            value = instance.cost(Arrays.copyOf(chosen, c));
        }
        return new OrlibResult(instance.name(), value, outcome, seconds(started));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
