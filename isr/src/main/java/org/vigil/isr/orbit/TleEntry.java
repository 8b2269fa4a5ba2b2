package org.vigil.isr.orbit;

import java.util.Optional;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * One two-line element set as read from a file.
 *
 * @param name          the name line of a three-line file, or "" when the file has none
 * @param tle           the parsed elements (Orekit), epoch in UTC
 * @param line          1-based line number of line 1 in its file, for messages
 * @param verification  the start/stop/step (minutes since epoch) that a verification file
 *                      (Vallado's SGP4-VER.TLE) writes after column 69 of line 2, if present
 */
public record TleEntry(String name, TLE tle, int line, Optional<TimeRange> verification) {

    /** A tsince range in minutes: start, stop and step, as in SGP4-VER.TLE. */
    public record TimeRange(double startMinutes, double stopMinutes, double stepMinutes) {
    }

    public int satnum() {
        return tle.getSatelliteNumber();
    }

    /** The name, or the catalogue number when the file gave none. */
    public String label() {
        return name.isBlank() ? Integer.toString(satnum()) : name;
    }
}
