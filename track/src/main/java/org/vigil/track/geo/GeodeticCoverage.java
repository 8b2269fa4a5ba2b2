package org.vigil.track.geo;

/**
 * A scan's footprint in WGS84: the detection probability at a geodetic point, zero outside the
 * footprint (see {@link org.vigil.track.model.Coverage}, its planar counterpart).
 */
@FunctionalInterface
public interface GeodeticCoverage {

    /** Probability that the scan detects a target at the point; 0 outside the footprint. */
    double detectionProbability(double latitudeDeg, double longitudeDeg);
}
