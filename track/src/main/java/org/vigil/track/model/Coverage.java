package org.vigil.track.model;

/**
 * Where a sensor's scan could have seen a target, and how likely it was to: the detection
 * probability at a point of the local plane (x east, y north, metres), zero outside the
 * footprint. A track the scan did not cover is not "missed" by it: its existence is left alone.
 */
@FunctionalInterface
public interface Coverage {

    /** Probability that the scan detects a target at {@code (xMetres, yMetres)}; 0 outside the footprint. */
    double detectionProbability(double xMetres, double yMetres);
}
