package org.vigil.track;

/**
 * Union-find over the integers 0..n-1, kept in a plain parent array (the callers
 * build one per scan, so an object per element would cost more than the work).
 * Path halving keeps trees flat; clustering and the metric's matching both use it.
 */
public final class DisjointSets {

    private DisjointSets() {
    }

    /** The representative of x's set; halves the path on the way. */
    public static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the sets of a and b. */
    public static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }
}
