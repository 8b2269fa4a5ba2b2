package org.vigil.track.associate;

import java.util.Arrays;

/**
 * Optimal 2-D assignment (the linear sum assignment problem): for an {@code n x m} cost matrix,
 * the one-to-one matching of all {@code min(n, m)} rows or columns with the least total cost.
 *
 * <p>Shortest augmenting paths with dual variables, the Jonker-Volgenant family in the form
 * given by D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE TAES 52(4),
 * 2016: each row in turn is joined by a Dijkstra search over reduced costs
 * {@code c_ij - u_i - v_j >= 0} to the nearest free column, the duals are updated so the reduced
 * costs stay non-negative, and the path is augmented. {@code O(n^2 m)} in the worst case.
 * {@code +infinity} marks a forbidden pair; the caller guarantees that a complete matching exists.
 */
public final class LinearAssignment {

    private LinearAssignment() {
    }

    /**
     * Solves the problem; returns, for each row, its column, or -1 for rows left out when there
     * are more rows than columns.
     *
     * @throws IllegalArgumentException if a cost is NaN or -infinity, or no complete matching avoids the forbidden pairs
     */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        if (n <= m) {
            return solveWide(cost, n, m, false);
        }
        int[] colOfRow = new int[n];
        Arrays.fill(colOfRow, -1);
        int[] rowOfCol = solveWide(cost, m, n, true);
        for (int j = 0; j < m; j++) {
            colOfRow[rowOfCol[j]] = j;
        }
        return colOfRow;
    }

    /** Total cost of an assignment returned by {@link #solve}. */
    public static double total(double[][] cost, int[] assignment) {
        double s = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] >= 0) {
                s += cost[i][assignment[i]];
            }
        }
        return s;
    }

    /** Rows {@code n <= m} columns; {@code transposed} reads {@code cost[j][i]} as entry (i, j). */
    private static int[] solveWide(double[][] cost, int n, int m, boolean transposed) {
        double shift = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double c = transposed ? cost[j][i] : cost[i][j];
                if (Double.isNaN(c) || c == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("cost matrix holds NaN or -infinity");
                }
                shift = Math.min(shift, c);
            }
        }
        // Every row is assigned exactly once, so subtracting the least cost changes no choice and
        // makes the zero duals feasible.
        double[] u = new double[n];
        double[] v = new double[m];
        double[] shortest = new double[m];
        int[] path = new int[m];
        int[] colOfRow = new int[n];
        int[] rowOfCol = new int[m];
        int[] remaining = new int[m];
        boolean[] scannedRow = new boolean[n];
        boolean[] scannedCol = new boolean[m];
        Arrays.fill(colOfRow, -1);
        Arrays.fill(rowOfCol, -1);
        for (int current = 0; current < n; current++) {
            Arrays.fill(shortest, Double.POSITIVE_INFINITY);
            Arrays.fill(scannedRow, false);
            Arrays.fill(scannedCol, false);
            for (int j = 0; j < m; j++) {
                remaining[j] = m - 1 - j;
            }
            int left = m;
            double minVal = 0;
            int i = current;
            int sink = -1;
            while (sink < 0) {
                scannedRow[i] = true;
                int index = -1;
                double lowest = Double.POSITIVE_INFINITY;
                for (int it = 0; it < left; it++) {
                    int j = remaining[it];
                    double c = (transposed ? cost[j][i] : cost[i][j]) - shift;
                    double r = minVal + c - u[i] - v[j];
                    if (r < shortest[j]) {
                        path[j] = i;
                        shortest[j] = r;
                    }
                    if (shortest[j] < lowest || (shortest[j] == lowest && rowOfCol[j] < 0)) {
                        lowest = shortest[j];
                        index = it;
                    }
                }
                minVal = lowest;
                if (minVal == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("no complete assignment avoids the forbidden (infinite) costs");
                }
                int j = remaining[index];
                if (rowOfCol[j] < 0) {
                    sink = j;
                } else {
                    i = rowOfCol[j];
                }
                scannedCol[j] = true;
                remaining[index] = remaining[--left];
            }
            u[current] += minVal;
            for (int r = 0; r < n; r++) {
                if (scannedRow[r] && r != current) {
                    u[r] += minVal - shortest[colOfRow[r]];
                }
            }
            for (int j = 0; j < m; j++) {
                if (scannedCol[j]) {
                    v[j] -= minVal - shortest[j];
                }
            }
            int j = sink;
            while (true) {
                int r = path[j];
                rowOfCol[j] = r;
                int previous = colOfRow[r];
                colOfRow[r] = j;
                j = previous;
                if (r == current) {
                    break;
                }
            }
        }
        return colOfRow;
    }
}
