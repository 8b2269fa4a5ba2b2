package org.vigil.isr.model;

import java.util.List;
import java.util.Objects;
import org.vigil.theatre.geo.GeoPoint;

/**
 * An area of interest with its revisit requirement.
 *
 * @param id              stable identifier (e.g. {@code cl-07}, {@code npp-rivne})
 * @param kind            what it is
 * @param name            human label
 * @param shape           its geometry, WGS84: a polyline (segment), one point (site) or a closed ring (polygon)
 * @param lookPoints      the points a sensor must see for the area to count as watched: a
 *                        segment's ends and middle, a site, a polygon's vertices and centre
 * @param revisitMinutes  longest acceptable gap between looks, minutes; 0 means continuous
 *                        (watched throughout, no gap at all: an aircraft or drone on station at every moment)
 * @param priority        weight of meeting the requirement in the objective (a positive integer)
 */
public record Area(String id, AreaKind kind, String name, List<GeoPoint> shape, List<GeoPoint> lookPoints,
                   int revisitMinutes, int priority) {

    public Area {
        Objects.requireNonNull(id);
        shape = List.copyOf(shape);
        lookPoints = List.copyOf(lookPoints);
        if (lookPoints.isEmpty()) {
            throw new IllegalArgumentException("area " + id + " has no points");
        }
        if (revisitMinutes < 0 || priority < 1) {
            throw new IllegalArgumentException("area " + id + ": revisit must be >= 0 minutes and priority >= 1");
        }
    }

    public boolean continuous() {
        return revisitMinutes == 0;
    }

    /** The middle look point (the site itself, a segment's midpoint, a polygon's centre). */
    public GeoPoint centre() {
        return lookPoints.get(lookPoints.size() / 2);
    }
}
