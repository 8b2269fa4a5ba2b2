package org.vigil.track.gate;

import java.util.Arrays;
import java.util.List;
import org.vigil.track.model.Detection;

/**
 * A uniform grid over one frame's detections, so that a gate looks only at detections in the
 * cells its ellipse can reach: the cost of gating grows with the number of nearby detections,
 * not with all of them.
 *
 * <p>Detections are grouped by cell (a counting sort, linear time); an open-addressing table maps
 * each occupied cell to its run.
 */
public final class DetectionGrid {

    private final double cellMetres;
    private final int[] order;
    private final long[] tableKey;
    private final int[] tableStart;
    private final int[] tableEnd;
    private final int mask;

    /**
     * @param detections the frame's detections
     * @param cellMetres side of a grid cell, m
     */
    public DetectionGrid(List<Detection> detections, double cellMetres) {
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cell size must be positive");
        }
        this.cellMetres = cellMetres;
        int n = detections.size();
        int capacity = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
        mask = capacity - 1;
        tableKey = new long[capacity];
        tableStart = new int[capacity];
        tableEnd = new int[capacity];
        Arrays.fill(tableStart, -1);
        // pass 1: count detections per occupied cell (counts kept in tableEnd)
        int[] slotOf = new int[n];
        for (int i = 0; i < n; i++) {
            Detection d = detections.get(i);
            long k = key(cell(d.xMetres()), cell(d.yMetres()));
            int slot = slot(k, mask);
            while (tableStart[slot] >= 0 && tableKey[slot] != k) {
                slot = (slot + 1) & mask;
            }
            tableKey[slot] = k;
            tableStart[slot] = 0;
            tableEnd[slot]++;
            slotOf[i] = slot;
        }
        // prefix sums give each cell its run in `order`
        int offset = 0;
        for (int slot = 0; slot < capacity; slot++) {
            if (tableStart[slot] >= 0) {
                tableStart[slot] = offset;
                offset += tableEnd[slot];
                tableEnd[slot] = tableStart[slot];
            }
        }
        // pass 2: place the detections
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[tableEnd[slotOf[i]]++] = i;
        }
    }

    /** Calls {@code visitor} with the index of every detection in the cells that the square of half-side {@code radiusMetres} about (x, y) touches. */
    public void near(double xMetres, double yMetres, double radiusMetres, IntVisitor visitor) {
        long cx0 = cell(xMetres - radiusMetres), cx1 = cell(xMetres + radiusMetres);
        long cy0 = cell(yMetres - radiusMetres), cy1 = cell(yMetres + radiusMetres);
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                int slot = find(key(cx, cy));
                for (int i = slot < 0 ? 0 : tableStart[slot], end = slot < 0 ? 0 : tableEnd[slot]; i < end; i++) {
                    visitor.visit(order[i]);
                }
            }
        }
    }

    /**
     * Whether one of {@code detections} (those this grid was built over) lies within
     * {@code sqrt(radius2)} of (x, y); {@code radiusMetres} is that radius.
     */
    public boolean anyWithin(List<Detection> detections, double xMetres, double yMetres, double radius2,
                             double radiusMetres) {
        long cx0 = cell(xMetres - radiusMetres), cx1 = cell(xMetres + radiusMetres);
        long cy0 = cell(yMetres - radiusMetres), cy1 = cell(yMetres + radiusMetres);
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                int slot = find(key(cx, cy));
                for (int i = slot < 0 ? 0 : tableStart[slot], end = slot < 0 ? 0 : tableEnd[slot]; i < end; i++) {
                    Detection d = detections.get(order[i]);
                    double dx = d.xMetres() - xMetres, dy = d.yMetres() - yMetres;
                    if (dx * dx + dy * dy <= radius2) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The table slot of an occupied cell, or -1. */
    private int find(long k) {
        int slot = slot(k, mask);
        while (tableStart[slot] >= 0) {
            if (tableKey[slot] == k) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Receives detection indices. */
    @FunctionalInterface
    public interface IntVisitor {
        void visit(int index);
    }

    private long cell(double metres) {
        return (long) Math.floor(metres / cellMetres);
    }

    /** A cell's key in the open-addressing tables (this grid's, {@link CellNeighbourhood}'s and the tracker's). */
    public static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }

    /** The first slot to probe for {@code key} in a table of {@code mask + 1} slots. */
    public static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
