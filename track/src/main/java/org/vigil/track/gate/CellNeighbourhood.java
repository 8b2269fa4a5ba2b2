package org.vigil.track.gate;

import java.util.List;
import org.vigil.track.model.Detection;

/**
 * The grid cells (of side {@code cellMetres}) within one cell of some detection: a point within
 * {@code cellMetres} of a detection always lies in one of them. One hash probe tells a track
 * far from every detection of a frame, which lets a frame with few detections skip almost all of
 * thousands of tracks at the cost of one probe each.
 */
public final class CellNeighbourhood {

    private final double cellMetres;
    private final long[] keys;
    private final boolean[] used;
    private final int mask;

    public CellNeighbourhood(List<Detection> detections, double cellMetres) {
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cell size must be positive");
        }
        this.cellMetres = cellMetres;
        int capacity = Integer.highestOneBit(Math.max(16, detections.size() * 9 * 2)) << 1;
        keys = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        for (Detection d : detections) {
            long cx = cell(d.xMetres()), cy = cell(d.yMetres());
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    add(key(cx + dx, cy + dy));
                }
            }
        }
    }

    /** Whether (x, y) lies in a cell next to (or holding) a detection's. */
    public boolean contains(double xMetres, double yMetres) {
        long k = key(cell(xMetres), cell(yMetres));
        int slot = slot(k);
        while (used[slot]) {
            if (keys[slot] == k) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private void add(long k) {
        int slot = slot(k);
        while (used[slot]) {
            if (keys[slot] == k) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = k;
    }

    private long cell(double metres) {
        return (long) Math.floor(metres / cellMetres);
    }

    private static long key(long cx, long cy) {
        return DetectionGrid.key(cx, cy);
    }

    private int slot(long key) {
        return DetectionGrid.slot(key, mask);
    }
}
