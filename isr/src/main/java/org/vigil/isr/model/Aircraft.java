package org.vigil.isr.model;

/**
 * A manned surveillance aircraft (e.g. a GMTI/SAR radar aircraft). It flies from its base
 * to an orbit station, stays there while its endurance allows, flies back and is turned
 * round before the next mission.
 *
 * @param speedMetresPerSecond transit speed
 * @param enduranceSeconds     time airborne per mission, transits included
 * @param sensorRangeMetres    ground range of its sensor from the station
 * @param turnaroundSeconds    time on the ground between missions
 */
public record Aircraft(String id, String type, Base base, double speedMetresPerSecond, double enduranceSeconds,
                       double sensorRangeMetres, double turnaroundSeconds) {
}
