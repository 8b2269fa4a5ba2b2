package org.vigil.track.metric;

/**
 * A finite set of points in the local plane, metres (x east, y north), as parallel arrays.
 *
 * @param x east coordinates, m
 * @param y north coordinates, m
 */
public record PlanarPoints(double[] x, double[] y) {

    public PlanarPoints {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
    }

    /** The empty set. */
    public static PlanarPoints empty() {
        return new PlanarPoints(new double[0], new double[0]);
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }
}
