package org.vigil.isr.orbit;

import java.time.Instant;

/**
 * A pass of a satellite over a ground point: above the minimum elevation from rise to set,
 * highest at culmination.
 *
 * @param maxElevationDeg elevation at culmination, degrees above the local horizontal plane
 *                        of the WGS84 ellipsoid (no refraction)
 */
public record Pass(int satnum, String name, Instant rise, Instant culmination, Instant set, double maxElevationDeg) {
}
