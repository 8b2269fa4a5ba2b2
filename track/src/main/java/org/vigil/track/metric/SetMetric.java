package org.vigil.track.metric;

/** A distance between two finite point sets (truth and estimate), metres. */
public interface SetMetric {

    /** The distance between {@code truth} and {@code estimate}. */
    double distance(PlanarPoints truth, PlanarPoints estimate);
}
