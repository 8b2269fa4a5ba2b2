package org.vigil.track.metric;

import org.vigil.track.DisjointSets;
import java.util.Arrays;
import org.vigil.track.associate.LinearAssignment;

/**
 * The optimal matching behind OSPA and GOSPA with cut-off {@code c} and order {@code p}: the
 * matching between two point sets that minimises {@code sum over matched pairs (d^p - c^p)},
 * using only pairs closer than {@code c}.
 *
 * <p>Why this is enough: for the full assignment of OSPA/GOSPA on the capped costs
 * {@code min(d, c)^p}, a pair at {@code d >= c} costs exactly what leaving both points
 * unmatched costs (GOSPA: {@code c^p/2 + c^p/2}; OSPA: {@code c^p}), so both metrics equal a
 * constant plus the minimum above. Points farther than {@code c} apart never interact, so the
 * problem splits into the connected components of the "closer than c" graph, found with a grid
 * of cell {@code c}; each is solved exactly by {@link LinearAssignment}.
 */
final class CutoffMatching {

    /** Sum of {@code d^p} over the matched pairs. */
    final double localisation;
    /** Number of matched pairs (all closer than {@code c}). */
    final int pairs;

    private CutoffMatching(double localisation, int pairs) {
        this.localisation = localisation;
        this.pairs = pairs;
    }

    static CutoffMatching of(PlanarPoints a, PlanarPoints b, double c, double p) {
        int n = a.size(), m = b.size();
        if (n == 0 || m == 0) {
            return new CutoffMatching(0, 0);
        }
        // edges a_i - b_j with d < c, through a grid of cell c over b
        java.util.HashMap<Long, int[]> grid = new java.util.HashMap<>();
        for (int j = 0; j < m; j++) {
            long k = key(Math.floor(b.x()[j] / c), Math.floor(b.y()[j] / c));
            int[] cell = grid.get(k);
            if (cell == null) {
                grid.put(k, new int[] {1, j});
            } else {
                if (cell[0] + 1 == cell.length) {
                    cell = Arrays.copyOf(cell, cell.length * 2);
                    grid.put(k, cell);
                }
                cell[++cell[0]] = j;
            }
        }
        int[] parent = new int[n + m];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        IntList ea = new IntList(), eb = new IntList();
        DoubleList ed = new DoubleList();
        for (int i = 0; i < n; i++) {
            double cx = Math.floor(a.x()[i] / c), cy = Math.floor(a.y()[i] / c);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    int[] cell = grid.get(key(cx + dx, cy + dy));
                    if (cell == null) {
                        continue;
                    }
                    for (int q = 1; q <= cell[0]; q++) {
                        int j = cell[q];
                        double d = Math.hypot(a.x()[i] - b.x()[j], a.y()[i] - b.y()[j]);
                        if (d < c) {
                            ea.add(i);
                            eb.add(j);
                            ed.add(d);
                            DisjointSets.union(parent, i, n + j);
                        }
                    }
                }
            }
        }
        // group edges by component
        int edges = ea.size;
        Integer[] byRoot = new Integer[edges];
        int[] root = new int[edges];
        for (int e = 0; e < edges; e++) {
            byRoot[e] = e;
            root[e] = DisjointSets.find(parent, ea.data[e]);
        }
        Arrays.sort(byRoot, (x, y) -> Integer.compare(root[x], root[y]));
        double cp = Math.pow(c, p);
        double loc = 0;
        int pairs = 0;
        int[] localA = new int[n];
        int[] localB = new int[m];
        Arrays.fill(localA, -1);
        Arrays.fill(localB, -1);
        for (int s = 0; s < edges; ) {
            int e1 = s;
            while (e1 < edges && root[byRoot[e1]] == root[byRoot[s]]) {
                e1++;
            }
            if (e1 - s == 1) {
                int e = byRoot[s];
                loc += Math.pow(ed.data[e], p);
                pairs++;
            } else {
                int na = 0, nb = 0;
                int[] as = new int[e1 - s], bs = new int[e1 - s];
                for (int q = s; q < e1; q++) {
                    int e = byRoot[q];
                    if (localA[ea.data[e]] < 0) {
                        as[na] = ea.data[e];
                        localA[ea.data[e]] = na++;
                    }
                    if (localB[eb.data[e]] < 0) {
                        bs[nb] = eb.data[e];
                        localB[eb.data[e]] = nb++;
                    }
                }
                double[][] cost = new double[na][nb];
                double[][] dist = new double[na][nb];
                for (int q = s; q < e1; q++) {
                    int e = byRoot[q];
                    int r = localA[ea.data[e]], k = localB[eb.data[e]];
                    double dp = Math.pow(ed.data[e], p);
                    cost[r][k] = dp - cp;
                    dist[r][k] = dp;
                }
                int[] assign = LinearAssignment.solve(cost);
                for (int r = 0; r < na; r++) {
                    int k = assign[r];
                    if (k >= 0 && cost[r][k] < 0) {
                        loc += dist[r][k];
                        pairs++;
                    }
                }
                for (int r = 0; r < na; r++) {
                    localA[as[r]] = -1;
                }
                for (int k = 0; k < nb; k++) {
                    localB[bs[k]] = -1;
                }
            }
            s = e1;
        }
        return new CutoffMatching(loc, pairs);
    }

    private static long key(double cx, double cy) {
        return (((long) cx) << 32) ^ (((long) cy) & 0xffffffffL);
    }


    private static final class IntList {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }

    private static final class DoubleList {
        double[] data = new double[16];
        int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
