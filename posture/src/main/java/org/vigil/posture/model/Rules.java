package org.vigil.posture.model;

import java.time.Duration;
import java.util.List;

/**
 * The rules a posture plan obeys and the parameters of its measures.
 *
 * @param capTroops            total stationed strength must be strictly below this ("fewer than 30,000")
 * @param standoffMetres       no unit within this geodesic distance of the line of contact
 * @param responseTime         a mechanised QRF this close in time covers a site
 * @param roadTortuosity       road distance = geodesic distance x this (road networks run 1.2-1.4)
 * @param roadSpeedMetresPerSecond average road-march speed of a mechanised QRF
 * @param requirements         sites that must be guarded: kinds or ids ("nuclear_power_station", "city-kyiv")
 * @param rotationRatio        force generation per deployed soldier (3: one deployed, one training, one recovering)
 */
public record Rules(int capTroops, double standoffMetres, Duration responseTime, double roadTortuosity,
                    double roadSpeedMetresPerSecond, List<String> requirements, int rotationRatio) {

    public static final int DEFAULT_CAP = 30_000;
    public static final double DEFAULT_STANDOFF_METRES = 50_000;
    public static final Duration DEFAULT_RESPONSE = Duration.ofHours(2);
    /** Circuity of a road network over the straight line; 1.3 is typical of European road networks. */
    public static final double DEFAULT_TORTUOSITY = 1.3;
    /** 50 km/h: a mechanised column's average on main roads, halts included. */
    public static final double DEFAULT_ROAD_SPEED = 50_000.0 / 3600;
    public static final List<String> DEFAULT_REQUIREMENTS = List.of("nuclear_power_station");
    public static final int DEFAULT_ROTATION = 3;

    public Rules {
        if (capTroops <= 0) {
            throw new IllegalArgumentException("the cap must be positive");
        }
        if (!(standoffMetres >= 0)) {
            throw new IllegalArgumentException("the stand-off must be >= 0");
        }
        if (responseTime.isNegative() || responseTime.isZero()) {
            throw new IllegalArgumentException("the response time must be positive");
        }
        if (!(roadTortuosity >= 1)) {
            throw new IllegalArgumentException("road tortuosity must be >= 1");
        }
        if (!(roadSpeedMetresPerSecond > 0)) {
            throw new IllegalArgumentException("road speed must be positive");
        }
        if (rotationRatio < 1) {
            throw new IllegalArgumentException("the rotation ratio must be >= 1");
        }
        requirements = List.copyOf(requirements);
    }

    public static Rules defaults() {
        return new Rules(DEFAULT_CAP, DEFAULT_STANDOFF_METRES, DEFAULT_RESPONSE, DEFAULT_TORTUOSITY,
                DEFAULT_ROAD_SPEED, DEFAULT_REQUIREMENTS, DEFAULT_ROTATION);
    }

    public Rules withCap(int cap) {
        return new Rules(cap, standoffMetres, responseTime, roadTortuosity, roadSpeedMetresPerSecond, requirements,
                rotationRatio);
    }

    public Rules withStandoffMetres(double metres) {
        return new Rules(capTroops, metres, responseTime, roadTortuosity, roadSpeedMetresPerSecond, requirements,
                rotationRatio);
    }

    public Rules withRequirements(List<String> siteKindsOrIds) {
        return new Rules(capTroops, standoffMetres, responseTime, roadTortuosity, roadSpeedMetresPerSecond,
                siteKindsOrIds, rotationRatio);
    }

    /** Road-march time for a geodesic distance, seconds. */
    public double responseSeconds(double geodesicMetres) {
        return geodesicMetres * roadTortuosity / roadSpeedMetresPerSecond;
    }

    /** True when a QRF this far away (geodesic metres) arrives within the response time. */
    public boolean withinResponse(double geodesicMetres) {
        return responseSeconds(geodesicMetres) <= responseTime.toSeconds() + 1e-9;
    }
}
