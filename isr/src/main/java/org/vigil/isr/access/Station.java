package org.vigil.isr.access;

import java.util.List;
import org.vigil.theatre.geo.GeoPoint;

/**
 * An aircraft orbit station: where it flies its racetrack, and the areas (indices into the
 * problem's area list) whose every look point lies within its sensor range from there.
 */
public record Station(String id, GeoPoint location, List<Integer> watches) {
    public Station {
        watches = List.copyOf(watches);
    }
}
