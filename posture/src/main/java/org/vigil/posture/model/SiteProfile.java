package org.vigil.posture.model;

/**
 * What a site means to the posture.
 *
 * @param criticality     weight in the objective (points; nuclear stations 100)
 * @param guardStrength   troops on site for it to count as guarded
 * @param stationCapacity most troops the site can host as a station (0: not a station)
 */
public record SiteProfile(int criticality, int guardStrength, int stationCapacity) {
    public SiteProfile {
        if (criticality < 0 || guardStrength <= 0 || stationCapacity < 0) {
            throw new IllegalArgumentException("criticality >= 0, guardStrength > 0, stationCapacity >= 0");
        }
    }
}
