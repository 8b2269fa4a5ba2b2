package org.vigil.isr.model;

/**
 * Identical drones at one base. A sortie flies to an area, patrols it (its sensor
 * footprint also sees anything within {@code footprintMetres} of the patrolled area), flies
 * back and is turned round.
 *
 * @param count                how many drones the base has
 * @param rangeMetres          radius of action: the farthest point of a patrolled area from the base
 * @param speedMetresPerSecond transit speed
 * @param enduranceSeconds     time airborne per sortie, transits included
 * @param turnaroundSeconds    time on the ground between sorties
 * @param footprintMetres      ground radius the sensor sees around the drone
 */
public record DroneFleet(String id, String type, Base base, int count, double rangeMetres, double speedMetresPerSecond,
                         double enduranceSeconds, double turnaroundSeconds, double footprintMetres) {
}
