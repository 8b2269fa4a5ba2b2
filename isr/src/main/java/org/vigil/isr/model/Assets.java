package org.vigil.isr.model;

import java.util.List;
import java.util.Map;

/**
 * Everything that can watch, and the rules it flies under.
 *
 * @param standoffMetres          aircraft orbit stations keep at least this far from the line of
 *                                contact and from the Russian and Belarusian borders
 * @param minSunElevationDeg      optical imaging needs the Sun at least this high at the target
 * @param tasksPerPass            tasking capacity of one satellite pass, by sensor type
 * @param revisitMinutes          revisit requirement by area kind (0 = continuous)
 * @param priorities              weight by area kind
 * @param siteKinds               protected site kinds (theatre codes) and their revisit, minutes
 * @param polygons                user areas
 */
public record Assets(double standoffMetres, double minSunElevationDeg, Map<SensorType, Integer> tasksPerPass,
                     Map<AreaKind, Integer> revisitMinutes, Map<AreaKind, Integer> priorities,
                     List<SiteRule> siteKinds, List<Aircraft> aircraft, List<DroneFleet> drones, List<UserPolygon> polygons,
                     double segmentMetres) {

    /** Which theatre sites are areas of interest: a site kind, its revisit and its priority. */
    public record SiteRule(String kind, int revisitMinutes, int priority) {
    }

    /** A user area of interest. */
    public record UserPolygon(String id, String name, List<org.vigil.theatre.geo.GeoPoint> ring, int revisitMinutes,
                              int priority) {
    }

    public int droneCount() {
        return drones.stream().mapToInt(DroneFleet::count).sum();
    }
}
