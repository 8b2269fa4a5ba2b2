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
 * with each y_j appearing once per vertex instead of once per larger distance: O(n²) non-zeros
 * instead of up to O(n³). Because exactly n − p vertices are not medians, any n − p + 1 vertices hold
 * a median: z_i^k is fixed to 0, and dropped, from the first k whose ball around i holds
 * n − p + 1 vertices. Distances are integers, so the objective is exact.
 *
 * <p>The model is small because these graphs have few distinct distances: pmed26 (n = 600, p = 5)
 * has 27 k z-variables where the x_ij formulation has 360 k, and pmed40 (n = 900, p = 90) 25 k
 * where x_ij has 810 k (the x_ij model itself was not run). A greedy-then-vertex-substitution
 * solution is given as a hint, so CP-SAT starts with a near-optimal incumbent and can fix
 * variables by reduced cost at once (its search costs at most a tenth of the time limit).
 *
 * <p>Why CP-SAT with one worker (measured on 2 cores shared with other builds, see
 * bench/orlib/README.md): it proves pmed1–10 in under 10 s each, pmed40 in about 30 s, pmed26 in
 * about 3 min and pmed35 in about 13 min, while SCIP on the same model spent a minute on pmed26's
 * root LP and still had a 7 % gap after three; a second CP-SAT worker made pmed6–8 slower.
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

        // A good first solution lets the LP fix variables by reduced cost from the start.
        long searchUntil = started + timeLimit.toNanos() / 10; // the proof needs the rest
        int[] start = localSearch(instance, greedy(instance), searchUntil);
        int[] nearest = nearestDistances(instance, start);
        debug(instance.name() + ": local search " + instance.cost(start) + " at " + seconds(started) + " s");
        boolean[] isStart = new boolean[n];
        for (int j : start) {
            isStart[j] = true;
        }
        for (int j = 0; j < n; j++) {
            model.addHint(median[j], isStart[j]);
        }

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
                model.addHint(z, nearest[i] > radius);
                previous = z;
            }
        }
        model.minimize(objective);

        CpSolver solver = new CpSolver();
        double left = timeLimit.toMillis() / 1000.0 - seconds(started);
        // The bound comes from the LP of the chained constraints, which CP-SAT keeps as clauses:
        // only linearization level 2 puts clauses in the LP (at the default level 1 the LP has the
        // single cardinality row and pmed1 is not proved in 10 minutes). "max_lp" is the subsolver
        // with that level; other workers, when asked for, run the neighbourhood searches.
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.05, left)).setNumWorkers(workers)
                .setLinearizationLevel(2).addSubsolvers("max_lp")
                .setLogSearchProgress(Boolean.getBoolean("vigil.solver.debug")).setLogToStdout(false);
        if (Boolean.getBoolean("vigil.solver.debug")) {
            solver.setLogCallback(System.err::println); // stdout is the caller's (one JSON line)
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
        if (outcome == SolveStatus.UNKNOWN || (outcome == SolveStatus.FEASIBLE && instance.cost(start) < value)) {
            // Out of time before CP-SAT loaded the hint (its presolve of a large instance takes
            // seconds): the heuristic's medians are still a solution.
            outcome = SolveStatus.FEASIBLE;
            value = instance.cost(start);
        }
        return new OrlibResult(instance.name(), value, outcome, seconds(started));
    }

    /** Greedy addition: p times, open the vertex that lowers the total distance most. O(p·n²). */
    static int[] greedy(PMedianInstance instance) {
        int n = instance.vertexCount();
        int p = instance.medianCount();
        long[] nearest = new long[n];
        Arrays.fill(nearest, Long.MAX_VALUE / 4);
        boolean[] open = new boolean[n];
        int[] chosen = new int[p];
        for (int k = 0; k < p; k++) {
            int best = -1;
            long bestTotal = Long.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                if (open[j]) {
                    continue;
                }
                long total = 0;
                for (int i = 0; i < n; i++) {
                    total += Math.min(nearest[i], instance.distance(i, j));
                }
                if (total < bestTotal) {
                    bestTotal = total;
                    best = j;
                }
            }
            open[best] = true;
            chosen[k] = best;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], instance.distance(i, best));
            }
        }
        return chosen;
    }

    /**
     * Vertex substitution (Teitz and Bart 1968): swap a median for a non-median while that lowers
     * the total distance. Each candidate swap is priced in O(n) from every vertex's nearest and
     * second-nearest median.
     */
    static int[] localSearch(PMedianInstance instance, int[] medians, long untilNanoTime) {
        int n = instance.vertexCount();
        int p = medians.length;
        int[] current = medians.clone();
        boolean[] open = new boolean[n];
        for (int j : current) {
            open[j] = true;
        }
        int[] first = new int[n];  // position in current of i's nearest median
        int[] d1 = new int[n];     // distance to it
        int[] d2 = new int[n];     // distance to the second nearest
        boolean improved = true;
        while (improved && System.nanoTime() < untilNanoTime) {
            improved = false;
            for (int i = 0; i < n; i++) {
                d1[i] = Integer.MAX_VALUE;
                d2[i] = Integer.MAX_VALUE;
                for (int k = 0; k < p; k++) {
                    int d = instance.distance(i, current[k]);
                    if (d < d1[i]) {
                        d2[i] = d1[i];
                        d1[i] = d;
                        first[i] = k;
                    } else if (d < d2[i]) {
                        d2[i] = d;
                    }
                }
            }
            long bestDelta = 0;
            int bestOut = -1;
            int bestIn = -1;
            for (int in = 0; in < n; in++) {
                if (open[in]) {
                    continue;
                }
                for (int out = 0; out < p; out++) {
                    long delta = 0;
                    for (int i = 0; i < n; i++) {
                        int kept = first[i] == out ? d2[i] : d1[i];
                        delta += Math.min(kept, instance.distance(i, in)) - d1[i];
                    }
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestOut = out;
                        bestIn = in;
                    }
                }
            }
            if (bestOut >= 0) {
                open[current[bestOut]] = false;
                open[bestIn] = true;
                current[bestOut] = bestIn;
                improved = true;
            }
        }
        return current;
    }

    private static int[] nearestDistances(PMedianInstance instance, int[] medians) {
        int[] nearest = new int[instance.vertexCount()];
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = Integer.MAX_VALUE;
            for (int j : medians) {
                nearest[i] = Math.min(nearest[i], instance.distance(i, j));
            }
        }
        return nearest;
    }

    private static void debug(String message) {
        if (Boolean.getBoolean("vigil.solver.debug")) {
            System.err.println("[orlib] " + message);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
