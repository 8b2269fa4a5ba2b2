package org.vigil.posture.orlib;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * An uncapacitated p-median instance from OR-Library (Beasley 1985, files {@code pmedN.txt}):
 * choose {@code medianCount} of the {@code vertexCount} vertices as medians so that the sum,
 * over all vertices, of the shortest-path distance to the nearest median is least. Every vertex
 * has weight 1 and every vertex is a candidate median.
 *
 * <p>The file gives a graph, not the distances: {@code n m p} then {@code m} lines {@code i j cost}
 * of undirected edges numbered from 1. The instance is the complete matrix of shortest-path
 * distances (Floyd–Warshall). A vertex pair listed more than once takes the cost of its
 * <em>last</em> occurrence: that is the rule under which OR-Library's published optima hold
 * (keeping the first or the minimum gives other values, e.g. 5718 instead of 5819 for pmed1).
 *
 * <p>Distances are integers in the file's cost unit; vertices are 0-based here.
 *
 * @param name        the file name without extension, e.g. {@code pmed1}
 * @param vertexCount n, the number of vertices (customers and candidate medians alike)
 * @param medianCount p, the number of medians to open
 * @param distances   n×n shortest-path distances, symmetric, zero diagonal (copied in and out)
 */
public record PMedianInstance(String name, int vertexCount, int medianCount, int[][] distances) {

    /** Larger than any path in a connected instance, small enough that adding two never overflows. */
    private static final int UNREACHABLE = Integer.MAX_VALUE / 4;

    public PMedianInstance {
        if (vertexCount < 1 || medianCount < 1 || medianCount > vertexCount) {
            throw new IllegalArgumentException(name + ": need 1 <= p <= n, got n=" + vertexCount + ", p=" + medianCount);
        }
        if (distances.length != vertexCount) {
            throw new IllegalArgumentException(name + ": the distance matrix must be " + vertexCount + "×" + vertexCount);
        }
        distances = copy(distances);
        for (int[] row : distances) {
            if (row.length != vertexCount) {
                throw new IllegalArgumentException(name + ": the distance matrix must be " + vertexCount + "×" + vertexCount);
            }
        }
    }

    /** A copy: the instance stays immutable. Use {@link #distance(int, int)} in loops. */
    @Override
    public int[][] distances() {
        return copy(distances);
    }

    /** Shortest-path distance between 0-based vertices {@code i} and {@code j}. */
    public int distance(int i, int j) {
        return distances[i][j];
    }

    /** Sum over all vertices of the distance to the nearest of {@code medians} (0-based ids). */
    public long cost(int[] medians) {
        long total = 0;
        for (int i = 0; i < vertexCount; i++) {
            int best = Integer.MAX_VALUE;
            for (int j : medians) {
                best = Math.min(best, distances[i][j]);
            }
            total += best;
        }
        return total;
    }

    /**
     * Reads an OR-Library p-median file.
     *
     * @throws OrlibFileException (an IllegalArgumentException) naming file and line when the
     *                            file is missing, malformed or describes a disconnected graph
     */
    public static PMedianInstance read(Path file) {
        OrlibTokens in = OrlibTokens.open(file);
        int n = in.nextInt("the number of vertices", 1);
        int headerLine = in.tokenLine();
        int m = in.nextInt("the number of edges", 0);
        int p = in.nextInt("the number of medians p", 1);
        if (p > n) {
            throw in.error(in.tokenLine(), "p = " + p + " exceeds the number of vertices " + n);
        }
        int[][] d = new int[n][n];
        for (int[] row : d) {
            Arrays.fill(row, UNREACHABLE);
        }
        for (int e = 1; e <= m; e++) {
            String what = "edge " + e + " of " + m;
            int i = in.nextInt("the first vertex of " + what, 1);
            int iLine = in.tokenLine();
            int j = in.nextInt("the second vertex of " + what, 1);
            int jLine = in.tokenLine();
            int cost = in.nextInt("the cost of " + what, 0);
            if (i > n) {
                throw in.error(iLine, "vertex " + i + " of " + what + " exceeds the number of vertices " + n);
            }
            if (j > n) {
                throw in.error(jLine, "vertex " + j + " of " + what + " exceeds the number of vertices " + n);
            }
            // The last occurrence of a pair overrides earlier ones (see the class comment).
            d[i - 1][j - 1] = cost;
            d[j - 1][i - 1] = cost;
        }
        in.expectEnd();
        for (int i = 0; i < n; i++) {
            d[i][i] = 0; // a vertex serves itself at no cost, whatever a self-loop says
        }
        floydWarshall(d);
        for (int j = 1; j < n; j++) {
            if (d[0][j] >= UNREACHABLE) {
                throw in.error(headerLine, "the graph is not connected: vertex " + (j + 1) + " cannot reach vertex 1");
            }
        }
        return new PMedianInstance(OrlibTokens.instanceName(file), n, p, d);
    }

    /** All-pairs shortest paths in place, O(n³); 0.7 G steps for n = 900, about a second. */
    private static void floydWarshall(int[][] d) {
        int n = d.length;
        for (int k = 0; k < n; k++) {
            int[] dk = d[k];
            for (int i = 0; i < n; i++) {
                int[] di = d[i];
                int dik = di[k];
                if (dik >= UNREACHABLE) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    int via = dik + dk[j];
                    if (via < di[j]) {
                        di[j] = via;
                    }
                }
            }
        }
    }

    private static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
