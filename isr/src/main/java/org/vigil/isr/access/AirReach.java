package org.vigil.isr.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.isr.model.Aircraft;
import org.vigil.isr.model.Area;
import org.vigil.isr.area.AreasOfInterest;
import org.vigil.isr.model.DroneFleet;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;

/**
 * Where aircraft and drones can watch from.
 *
 * <p><b>Aircraft stations</b> are candidate points on a 0.4° × 0.6° grid that lie in
 * friendly airspace: inside the border, outside the occupied area, and at least the
 * stand-off from the line of contact and from the borders with Russia and Belarus. For each
 * aircraft a few of them are kept, chosen greedily for the priority they add (areas whose
 * every look point is within the sensor range), among those the aircraft can reach with
 * time left on station.
 *
 * <p><b>Drone sorties</b> go to one area and patrol it; an area is in reach when all its
 * look points are within the fleet's radius of action from the base. A look point in the
 * occupied area can be watched only from across the line: it must be within the sensor
 * footprint of the line of contact. A sortie also watches every other area whose look
 * points all lie within the footprint of the patrolled area's look points.
 */
public final class AirReach {

    static final int STATIONS_PER_AIRCRAFT = 6;

    private final Theatre theatre;
    private final List<Area> areas;
    private final double standoffMetres;

    public AirReach(Theatre theatre, List<Area> areas, double standoffMetres) {
        this.theatre = theatre;
        this.areas = areas;
        this.standoffMetres = standoffMetres;
    }

    /** Grid points in friendly airspace, behind the stand-off. */
    public List<GeoPoint> friendlyStationPoints() {
        List<List<GeoPoint>> hostileBorders = new ArrayList<>();
        hostileBorders.addAll(AreasOfInterest.borderWith(theatre, "RUS"));
        hostileBorders.addAll(AreasOfInterest.borderWith(theatre, "BLR"));
        List<GeoPoint> out = new ArrayList<>();
        var env = theatre.borderArea().getEnvelopeInternal();
        for (double lat = Math.ceil(env.getMinY() / 0.4) * 0.4; lat <= env.getMaxY(); lat += 0.4) {
            for (double lon = Math.ceil(env.getMinX() / 0.6) * 0.6; lon <= env.getMaxX(); lon += 0.6) {
                GeoPoint p = new GeoPoint(round(lat), round(lon));
                if (!theatre.isInside(p) || theatre.isOccupied(p) || theatre.distanceToContactLineMetres(p) < standoffMetres) {
                    continue;
                }
                boolean clear = true;
                for (List<GeoPoint> b : hostileBorders) {
                    if (Geodesy.distanceToPolylineMetres(p, b) < standoffMetres) {
                        clear = false;
                        break;
                    }
                }
                if (clear) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Up to {@value #STATIONS_PER_AIRCRAFT} stations for the aircraft, best first. */
    public List<Station> stations(Aircraft ac, List<GeoPoint> candidates, double slotSeconds) {
        List<Station> options = new ArrayList<>();
        for (GeoPoint p : candidates) {
            double out = Geodesy.distanceMetres(ac.base().location(), p) / ac.speedMetresPerSecond();
            if (ac.enduranceSeconds() - 2 * out < slotSeconds) {
                continue;
            }
            List<Integer> w = new ArrayList<>();
            for (int a = 0; a < areas.size(); a++) {
                if (allWithin(p, areas.get(a).lookPoints(), ac.sensorRangeMetres())) {
                    w.add(a);
                }
            }
            if (!w.isEmpty()) {
                options.add(new Station(String.format(Locale.ROOT, "%s@%.1f,%.1f", ac.id(), p.latitudeDeg(), p.longitudeDeg()), p, w));
            }
        }
        List<Station> chosen = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        while (chosen.size() < STATIONS_PER_AIRCRAFT && !options.isEmpty()) {
            Station best = null;
            long bestGain = 0;
            for (Station s : options) {
                long gain = 0;
                for (int a : s.watches()) {
                    // A newly covered area counts fully; an area covered already still counts a little,
                    // so later stations add depth where it is needed.
                    gain += covered.contains(a) ? areas.get(a).priority() : 10L * areas.get(a).priority();
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = s;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            covered.addAll(best.watches());
            Station picked = best;
            options.removeIf(s -> Geodesy.distanceMetres(s.location(), picked.location()) < 100_000);
        }
        return chosen;
    }

    /** Areas a sortie of the fleet can patrol (indices), in area order. */
    public List<Integer> droneTargets(DroneFleet f) {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++) {
            Area area = areas.get(a);
            boolean ok = allWithin(f.base().location(), area.lookPoints(), f.rangeMetres());
            for (GeoPoint p : area.lookPoints()) {
                if (ok && theatre.isOccupied(p) && theatre.distanceToContactLineMetres(p) > f.footprintMetres()) {
                    ok = false;
                }
            }
            if (ok && 2 * Geodesy.distanceMetres(f.base().location(), area.centre()) / f.speedMetresPerSecond()
                    < f.enduranceSeconds()) {
                out.add(a);
            }
        }
        return out;
    }

    /** The areas a sortie patrolling the target watches: the target and those within the footprint of its look points. */
    public List<Integer> sortieWatches(int target, DroneFleet f) {
        List<Integer> out = new ArrayList<>();
        Area t = areas.get(target);
        for (int b = 0; b < areas.size(); b++) {
            if (b == target) {
                out.add(b);
                continue;
            }
            Area other = areas.get(b);
            if (Geodesy.distanceMetres(t.centre(), other.centre()) > f.footprintMetres() + 40_000) {
                continue;
            }
            boolean all = true;
            for (GeoPoint q : other.lookPoints()) {
                double best = Double.POSITIVE_INFINITY;
                for (GeoPoint p : t.lookPoints()) {
                    best = Math.min(best, Geodesy.distanceMetres(p, q));
                }
                if (best > f.footprintMetres()) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out.add(b);
            }
        }
        return out;
    }

    private static boolean allWithin(GeoPoint from, List<GeoPoint> points, double metres) {
        for (GeoPoint p : points) {
            if (Geodesy.distanceMetres(from, p) > metres) {
                return false;
            }
        }
        return true;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
