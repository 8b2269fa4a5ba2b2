package org.vigil.isr.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.Horizon;
import org.vigil.isr.model.Satellite;
import org.vigil.isr.orbit.OrekitData;
import org.vigil.isr.orbit.Sgp4;
import org.vigil.isr.orbit.Times;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;

/**
 * Access windows of imaging satellites over areas of interest, from Orekit: SGP4 states
 * transformed from TEME to ITRF, the sub-satellite point on the WGS84 ellipsoid, and the
 * look geometry to each ground point.
 *
 * <p>A ground point is seen when it is above the satellite's horizon and either within
 * half the swath of the sub-satellite point (geodesic distance) or at an off-nadir angle
 * (between the geodetic nadir and the line of sight) no larger than the sensor's limit.
 * An optical sensor also needs the Sun at least {@code minSunElevationDeg} above the
 * target's horizon (Orekit's analytical Sun). SAR's minimum incidence angle is not modelled.
 *
 * <p>The orbit is scanned every 60 s; where the sub-satellite point comes within reach of
 * the theatre the geometry is sampled every {@value #FINE_STEP_SECONDS} s.
 */
public final class SatelliteAccess {

    static final int COARSE_STEP_SECONDS = 60;
    public static final int FINE_STEP_SECONDS = 5;
    private static final double MEAN_RADIUS_METRES = 6_371_008.8;

    private final double minSunElevationRad;

    public SatelliteAccess(double minSunElevationDeg) {
        this.minSunElevationRad = Math.toRadians(minSunElevationDeg);
    }

    public List<AccessWindow> windows(Satellite sat, List<Area> areas, Horizon horizon) {
        OrekitData data = OrekitData.bundled();
        OneAxisEllipsoid earth = data.earth();
        Frame itrf = data.itrf();
        TLEPropagator prop = new Sgp4(sat.tle()).propagator();
        AbsoluteDate t0 = Times.date(horizon.start());
        long seconds = horizon.slots() * (long) horizon.slotSeconds();

        // Ground targets in ITRF, with their local vertical.
        int n = areas.size();
        Vector3D[][] target = new Vector3D[n][];
        Vector3D[][] zenith = new Vector3D[n][];
        GeoPoint centre = centreOf(areas);
        double extent = 0;
        Vector3D[] centreUnit = new Vector3D[n];
        double[] radiusRad = new double[n];
        for (int a = 0; a < n; a++) {
            List<GeoPoint> pts = areas.get(a).lookPoints();
            target[a] = new Vector3D[pts.size()];
            zenith[a] = new Vector3D[pts.size()];
            for (int k = 0; k < pts.size(); k++) {
                GeodeticPoint g = new GeodeticPoint(Math.toRadians(pts.get(k).latitudeDeg()), Math.toRadians(pts.get(k).longitudeDeg()), 0);
                target[a][k] = earth.transform(g);
                zenith[a][k] = g.getZenith();
                extent = Math.max(extent, Geodesy.distanceMetres(centre, pts.get(k)));
            }
            GeoPoint c = areas.get(a).centre();
            centreUnit[a] = earth.transform(new GeodeticPoint(Math.toRadians(c.latitudeDeg()), Math.toRadians(c.longitudeDeg()), 0)).normalize();
            for (GeoPoint q : pts) {
                radiusRad[a] = Math.max(radiusRad[a], Geodesy.distanceMetres(c, q) / MEAN_RADIUS_METRES);
            }
        }

        // Coarse scan: runs of samples whose sub-satellite point is within reach of the theatre.
        List<long[]> runs = new ArrayList<>();
        long runStart = -1, last = -1;
        for (long s = -COARSE_STEP_SECONDS; s <= seconds + COARSE_STEP_SECONDS; s += COARSE_STEP_SECONDS) {
            AbsoluteDate d = t0.shiftedBy(s);
            Vector3D p = prop.getPVCoordinates(d, itrf).getPosition();
            GeodeticPoint sub = earth.transform(p, itrf, d);
            double reach = sat.swathMetres() / 2 + sub.getAltitude() * Math.tan(Math.toRadians(Math.min(sat.maxOffNadirDeg(), 70))) * 1.3;
            double dist = Geodesy.distanceMetres(centre, new GeoPoint(Math.toDegrees(sub.getLatitude()), Math.toDegrees(sub.getLongitude())));
            boolean near = dist <= extent + reach + 100_000;
            if (near) {
                if (runStart < 0) {
                    runStart = s;
                }
                last = s;
            } else if (runStart >= 0) {
                runs.add(new long[] {runStart, last});
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            runs.add(new long[] {runStart, last});
        }

        List<AccessWindow> out = new ArrayList<>();
        double halfSwath = sat.swathMetres() / 2;
        double maxOffNadir = Math.toRadians(sat.maxOffNadirDeg());
        for (int r = 0; r < runs.size(); r++) {
            long from = Math.max(0, runs.get(r)[0] - COARSE_STEP_SECONDS);
            long to = Math.min(seconds, runs.get(r)[1] + COARSE_STEP_SECONDS);
            from = (from / FINE_STEP_SECONDS) * FINE_STEP_SECONDS;
            int[] state = new int[n]; // 0 none, 1 seen in daylight, 2 seen in darkness
            long[] openedAt = new long[n];
            long[] lastSeen = new long[n];
            for (long s = from; s <= to + FINE_STEP_SECONDS; s += FINE_STEP_SECONDS) {
                boolean beyond = s > to;
                AbsoluteDate d = t0.shiftedBy(s);
                Vector3D p = beyond ? null : prop.getPVCoordinates(d, itrf).getPosition();
                GeodeticPoint sub = beyond ? null : earth.transform(p, itrf, d);
                Vector3D nadir = beyond ? null
                        : earth.transform(new GeodeticPoint(sub.getLatitude(), sub.getLongitude(), 0)).subtract(p);
                GeoPoint subPoint = beyond ? null : new GeoPoint(Math.toDegrees(sub.getLatitude()), Math.toDegrees(sub.getLongitude()));
                Vector3D sun = beyond || !sat.sensor().needsDaylight() ? null : data.sun().getPosition(d, itrf);
                Vector3D subUnit = beyond ? null : earth.transform(new GeodeticPoint(sub.getLatitude(), sub.getLongitude(), 0)).normalize();
                double reachRad = beyond ? 0 : (halfSwath + sub.getAltitude() * Math.tan(Math.min(maxOffNadir, Math.toRadians(70))) * 1.3
                        + 50_000) / MEAN_RADIUS_METRES;
                for (int a = 0; a < n; a++) {
                    int now = 0;
                    if (!beyond && Vector3D.angle(subUnit, centreUnit[a]) > reachRad + radiusRad[a] && state[a] == 0) {
                        continue;
                    }
                    if (!beyond && seesAll(p, nadir, subPoint, target[a], zenith[a], areas.get(a).lookPoints(), halfSwath, maxOffNadir)) {
                        now = sun == null || sunHighEnough(sun, target[a], zenith[a]) ? 1 : 2;
                    }
                    if (now != state[a]) {
                        if (state[a] != 0) {
                            out.add(new AccessWindow(sat, areas.get(a).id(), r, instant(horizon, openedAt[a]),
                                    instant(horizon, lastSeen[a]), state[a] == 1));
                        }
                        openedAt[a] = s;
                        state[a] = now;
                    }
                    if (now != 0) {
                        lastSeen[a] = s;
                    }
                }
            }
        }
        return out;
    }

    private static Instant instant(Horizon h, long seconds) {
        return h.start().plusSeconds(seconds);
    }

    private static boolean seesAll(Vector3D sat, Vector3D nadir, GeoPoint sub, Vector3D[] targets, Vector3D[] zeniths,
                                   List<GeoPoint> points, double halfSwath, double maxOffNadir) {
        for (int k = 0; k < targets.length; k++) {
            Vector3D toSat = sat.subtract(targets[k]);
            if (Vector3D.dotProduct(toSat, zeniths[k]) <= 0) {
                return false; // below the target's horizon
            }
            boolean inLimit = maxOffNadir > 0 && Vector3D.angle(toSat.negate(), nadir) <= maxOffNadir;
            if (!inLimit) {
                // Spherical distance first (within 0.5 % of the geodesic); GeographicLib near the edge.
                double approx = Vector3D.angle(targets[k], sat.add(nadir)) * MEAN_RADIUS_METRES;
                if (approx > halfSwath * 1.02 || (approx > halfSwath * 0.98 && Geodesy.distanceMetres(sub, points.get(k)) > halfSwath)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean sunHighEnough(Vector3D sun, Vector3D[] targets, Vector3D[] zeniths) {
        for (int k = 0; k < targets.length; k++) {
            double elevation = Math.PI / 2 - Vector3D.angle(sun.subtract(targets[k]), zeniths[k]);
            if (elevation < minSunElevationRad) {
                return false;
            }
        }
        return true;
    }

    private static GeoPoint centreOf(List<Area> areas) {
        double x = 0, y = 0, z = 0;
        for (Area a : areas) {
            double lat = Math.toRadians(a.centre().latitudeDeg()), lon = Math.toRadians(a.centre().longitudeDeg());
            x += Math.cos(lat) * Math.cos(lon);
            y += Math.cos(lat) * Math.sin(lon);
            z += Math.sin(lat);
        }
        return new GeoPoint(Math.toDegrees(Math.atan2(z, Math.hypot(x, y))), Math.toDegrees(Math.atan2(y, x)));
    }
}
