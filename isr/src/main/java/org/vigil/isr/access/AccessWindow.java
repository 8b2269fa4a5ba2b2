package org.vigil.isr.access;

import java.time.Instant;
import org.vigil.isr.model.Satellite;

/**
 * A span in which a satellite's sensor sees every look point of an area within its limits
 * (off-nadir angle, or the nadir swath), with the Sun high enough when the sensor is
 * optical. {@code start} and {@code end} are sample times at which the geometry was
 * checked; the real window may be up to one sample step longer at each end.
 *
 * @param pass     the satellite's overflight of the theatre this window belongs to (tasking
 *                 capacity is counted per pass)
 * @param daylight false for an optical window in darkness (kept only to explain unmet requirements)
 */
public record AccessWindow(Satellite satellite, String areaId, int pass, Instant start, Instant end, boolean daylight) {
}
