package org.vigil.track;

import java.util.Arrays;
import org.vigil.track.gate.DetectionGrid;

/**
 * The tracks' recorded positions (by their handle, {@link Track#handle}: small integers that stay
 * with a track for life) in a uniform grid of square cells, each cell a doubly linked list of
 * handles, kept up to date as tracks move. A local scan then finds the tracks that can be near
 * its detections by looking in the few cells around each detection, so its cost grows with its
 * detections rather than with the whole picture.
 *
 * <p>Cells are found through an open-addressing table keyed by the cell's integer coordinates,
 * each entry a key and its list's first handle side by side (one cache line per probe). A cell
 * that its tracks have left stays in the table, empty, until {@link #clear} (the tracker
 * rebuilds the grid at every full sweep, so these stay few).
 *
 * <p>Most cells a search looks in hold no track, and a probe of the table is a cache miss (it is
 * larger than the caches once there are thousands of tracks), so a bitmap of 2^18 bits (32 KB,
 * which stays cached) marks the cells that were ever added, by another part of the key's hash:
 * a clear bit answers "empty" without touching the table.
 */
final class TrackGrid {

    /** Cell coordinates are clamped to this magnitude (10^12 m at kilometre cells), so no key is {@link #FREE}. */
    private static final long MAX_CELL = 1L << 30;
    /** The key of an unused table entry. */
    private static final long FREE = Long.MIN_VALUE;
    /** log2 of the bits in the bitmap of added cells. */
    private static final int BITMAP_BITS = 18;

    private final double cellMetres;
    /** Entry {@code i}: {@code table[2i]} the cell key (or {@link #FREE}), {@code table[2i+1]} its first handle or -1. */
    private long[] table;
    private int mask;
    private int cells;
    /** Bit {@code hash(key)} set for every cell added since the table was last emptied. */
    private final long[] added = new long[1 << (BITMAP_BITS - 6)];
    private int[] next = new int[0];
    private int[] prev = new int[0];
    /** Table entry of the cell each handle is in, or -1. */
    private int[] cellOf = new int[0];
    /** Key of the cell each handle is in (valid where {@code cellOf >= 0}): a track that stays in its cell costs no probe. */
    private long[] keyOf = new long[0];

    /** @param cellMetres side of a cell, m */
    TrackGrid(double cellMetres) {
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cell size must be positive");
        }
        this.cellMetres = cellMetres;
        allocateTable(64);
    }

    /** Side of a cell, m. */
    double cellMetres() {
        return cellMetres;
    }

    /** Cells in the table, those its tracks have left included. */
    int cells() {
        return cells;
    }

    /** Empties the grid, ready for handles {@code 0 .. handles-1}. */
    void clear(int handles) {
        int capacity = Integer.highestOneBit(Math.max(64, handles * 2)) << 1;
        if (2 * capacity != table.length) {
            allocateTable(capacity);
        } else {
            Arrays.fill(table, FREE);
            Arrays.fill(added, 0);
            cells = 0;
        }
        ensureHandles(handles);
        Arrays.fill(cellOf, -1);
    }

    /** Records {@code handle} at (x, y), moving it from the cell it was in. */
    void place(int handle, double xMetres, double yMetres) {
        ensureHandles(handle + 1);
        long k = key(cell(xMetres), cell(yMetres));
        int from = cellOf[handle];
        if (from >= 0 && keyOf[handle] == k) {
            return;
        }
        if (from >= 0) {
            unlink(handle, from);
        }
        int to = findOrAdd(k);
        int head = (int) table[2 * to + 1];
        next[handle] = head;
        prev[handle] = -1;
        if (head >= 0) {
            prev[head] = handle;
        }
        table[2 * to + 1] = handle;
        cellOf[handle] = to;
        keyOf[handle] = k;
    }

    /** Takes {@code handle} out of the grid (a no-op when it is in none). */
    void remove(int handle) {
        if (handle < cellOf.length && cellOf[handle] >= 0) {
            unlink(handle, cellOf[handle]);
            cellOf[handle] = -1;
        }
    }

    /** The first handle in cell (cx, cy), or -1; go on with {@link #next(int)}. */
    int first(long cx, long cy) {
        long k = key(cx, cy);
        long h = hash(k);
        if ((added[(int) (h >>> (64 - BITMAP_BITS + 6))] & (1L << h)) == 0) { // top bits pick the word, low six the bit
            return -1;
        }
        for (int i = index(k); table[2 * i] != FREE; i = (i + 1) & mask) {
            if (table[2 * i] == k) {
                return (int) table[2 * i + 1];
            }
        }
        return -1;
    }

    /** The handle after {@code handle} in its cell, or -1. */
    int next(int handle) {
        return next[handle];
    }

    /** The cell coordinate of a position, along either axis (NaN falls in cell 0). */
    long cell(double metres) {
        return Math.clamp((long) Math.floor(metres / cellMetres), -MAX_CELL, MAX_CELL);
    }

    private void unlink(int handle, int entry) {
        int p = prev[handle], n = next[handle];
        if (p >= 0) {
            next[p] = n;
        } else {
            table[2 * entry + 1] = n;
        }
        if (n >= 0) {
            prev[n] = p;
        }
    }

    private int findOrAdd(long k) {
        int i = index(k);
        for (; table[2 * i] != FREE; i = (i + 1) & mask) {
            if (table[2 * i] == k) {
                return i;
            }
        }
        if (4 * (cells + 1) > table.length) { // keep the table at most half full
            grow();
            return findOrAdd(k);
        }
        table[2 * i] = k;
        table[2 * i + 1] = -1;
        long h = hash(k);
        added[(int) (h >>> (64 - BITMAP_BITS + 6))] |= 1L << h;
        cells++;
        return i;
    }

    /** Doubles the table, re-hashing the cells that hold handles and renumbering the handles' cells. */
    private void grow() {
        long[] old = table;
        allocateTable(table.length); // twice the entries: table.length is two longs per entry
        for (int i = 0; i < old.length; i += 2) {
            int head = (int) old[i + 1];
            if (old[i] != FREE && head >= 0) {
                int j = findOrAdd(old[i]);
                table[2 * j + 1] = head;
                for (int s = head; s >= 0; s = next[s]) {
                    cellOf[s] = j;
                }
            }
        }
    }

    private void allocateTable(int entries) {
        table = new long[2 * entries];
        Arrays.fill(table, FREE);
        Arrays.fill(added, 0);
        mask = entries - 1;
        cells = 0;
    }

    private void ensureHandles(int n) {
        if (next.length < n) {
            int capacity = Math.max(n, next.length * 2);
            int old = next.length;
            next = Arrays.copyOf(next, capacity);
            prev = Arrays.copyOf(prev, capacity);
            cellOf = Arrays.copyOf(cellOf, capacity);
            keyOf = Arrays.copyOf(keyOf, capacity);
            Arrays.fill(cellOf, old, capacity, -1);
        }
    }

    private static long key(long cx, long cy) {
        return DetectionGrid.key(cx, cy);
    }

    private static long hash(long key) {
        return key * 0x9E3779B97F4A7C15L;
    }

    private int index(long key) {
        return DetectionGrid.slot(key, mask);
    }
}
