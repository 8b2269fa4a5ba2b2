package org.vigil.watch.fuse;

import java.util.Arrays;
import java.util.List;
import org.vigil.track.model.Detection;

/**
 * A hash grid over one scan's detections in the tracker's plane (metres), for the question the
 * pipeline asks of each track a scan started or updated: which detection is nearest (whose
 * report it was). Open addressing on primitive keys, so that it does not allocate.
 */
final class DetectionGrid2d {

    private static final long EMPTY = Long.MIN_VALUE;

    private final double cellMetres;
    private final double[] xs;
    private final double[] ys;
    private final long[] keys;
    private final int[] heads;
    private final int[] next;
    private final int mask;

    DetectionGrid2d(List<Detection> detections, double cellMetres) {
        this.cellMetres = cellMetres;
        int n = detections.size();
        xs = new double[n];
        ys = new double[n];
        next = new int[n];
        int capacity = Integer.highestOneBit(Math.max(4, n * 2) - 1) << 1;
        keys = new long[capacity];
        heads = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < n; i++) {
            Detection d = detections.get(i);
            xs[i] = d.xMetres();
            ys[i] = d.yMetres();
            int slot = slot(key(cell(xs[i]), cell(ys[i])), true);
            next[i] = keys[slot] == EMPTY ? -1 : heads[slot];
            if (keys[slot] == EMPTY) {
                keys[slot] = key(cell(xs[i]), cell(ys[i]));
            }
            heads[slot] = i;
        }
    }

    private static int hash(long key) {
        return (int) (key ^ (key >>> 29) ^ (key >>> 47)) * 0x9E3779B9;
    }

    private long cell(double v) {
        return (long) Math.floor(v / cellMetres);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }

    /** The slot holding {@code key}, or (when {@code forInsert}) the empty slot where it goes; -1 when absent. */
    private int slot(long key, boolean forInsert) {
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return i;
            }
            if (keys[i] == EMPTY) {
                return forInsert ? i : -1;
            }
        }
    }

    /** Index of the nearest detection within one cell size of the point, or -1. */
    int nearest(double x, double y) {
        long cx = cell(x), cy = cell(y);
        int best = -1;
        double bestD2 = cellMetres * cellMetres;
        for (long i = cx - 1; i <= cx + 1; i++) {
            for (long j = cy - 1; j <= cy + 1; j++) {
                int s = slot(key(i, j), false);
                if (s < 0) {
                    continue;
                }
                for (int d = heads[s]; d >= 0; d = next[d]) {
                    double dx = xs[d] - x, dy = ys[d] - y;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= bestD2) {
                        bestD2 = d2;
                        best = d;
                    }
                }
            }
        }
        return best;
    }
}
