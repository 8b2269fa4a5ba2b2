package org.vigil.theatre.geo;

import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;

/**
 * Distances on the WGS84 ellipsoid, computed with GeographicLib (Karney's geodesics,
 * accurate to nanometres). Never planar degrees: a degree of longitude at Kyiv is
 * 71 km, at the equator 111 km.
 *
 * <p>A polyline's segments are geodesics between consecutive vertices. The distance
 * from a point to a segment is the minimum geodesic distance to any point of that
 * segment, found by golden-section search along the segment (the distance to a
 * point moving along a geodesic shorter than a quarter of the globe is unimodal).
 * A spherical cross-track estimate first discards the segments that cannot be the
 * nearest, so only a handful are refined on the ellipsoid.
 */
public final class Geodesy {

    /** Mean Earth radius (IUGG), metres; used only for the spherical pre-filter. */
    private static final double MEAN_RADIUS_METRES = 6_371_008.8;
    /** The sphere is within 0.6 % of the ellipsoid; refine every segment the sphere puts this close. */
    private static final double PREFILTER_RELATIVE_MARGIN = 0.01;
    private static final double PREFILTER_ABSOLUTE_MARGIN_METRES = 2_000;
    private static final double SEARCH_TOLERANCE_METRES = 0.01;

    private Geodesy() {
    }

    /** Geodesic distance between two points, metres. */
    public static double distanceMetres(GeoPoint a, GeoPoint b) {
        return Geodesic.WGS84.Inverse(a.latitudeDeg(), a.longitudeDeg(), b.latitudeDeg(), b.longitudeDeg(),
                GeodesicMask.DISTANCE).s12;
    }

    /** Initial azimuth from a to b, degrees clockwise from north. */
    public static double azimuthDeg(GeoPoint a, GeoPoint b) {
        return Geodesic.WGS84.Inverse(a.latitudeDeg(), a.longitudeDeg(), b.latitudeDeg(), b.longitudeDeg(),
                GeodesicMask.AZIMUTH).azi1;
    }

    /** The point reached from start along the geodesic of the given azimuth (degrees) and length (metres). */
    public static GeoPoint destination(GeoPoint start, double azimuthDeg, double distanceMetres) {
        GeodesicData d = Geodesic.WGS84.Direct(start.latitudeDeg(), start.longitudeDeg(), azimuthDeg, distanceMetres);
        return new GeoPoint(d.lat2, normaliseLongitude(d.lon2));
    }

    /** Shortest geodesic distance from a point to a polyline (metres); a single vertex is a point. */
    public static double distanceToPolylineMetres(GeoPoint p, List<GeoPoint> polyline) {
        if (polyline.isEmpty()) {
            throw new IllegalArgumentException("empty polyline");
        }
        if (polyline.size() == 1) {
            return distanceMetres(p, polyline.get(0));
        }
        int segments = polyline.size() - 1;
        double[] estimate = new double[segments];
        double bestEstimate = Double.POSITIVE_INFINITY;
        double[] pv = unitVector(p);
        for (int i = 0; i < segments; i++) {
            estimate[i] = sphericalSegmentDistanceMetres(pv, unitVector(polyline.get(i)), unitVector(polyline.get(i + 1)));
            bestEstimate = Math.min(bestEstimate, estimate[i]);
        }
        double threshold = bestEstimate * (1 + PREFILTER_RELATIVE_MARGIN) + PREFILTER_ABSOLUTE_MARGIN_METRES;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < segments; i++) {
            if (estimate[i] <= threshold) {
                best = Math.min(best, distanceToSegmentMetres(p, polyline.get(i), polyline.get(i + 1)));
            }
        }
        return best;
    }

    /** Shortest geodesic distance from p to the geodesic segment a-b, metres. */
    public static double distanceToSegmentMetres(GeoPoint p, GeoPoint a, GeoPoint b) {
        GeodesicLine line = Geodesic.WGS84.InverseLine(a.latitudeDeg(), a.longitudeDeg(), b.latitudeDeg(),
                b.longitudeDeg(), GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        double length = line.Distance();
        if (!(length > 0)) {
            return distanceMetres(p, a);
        }
        final double invPhi = (Math.sqrt(5) - 1) / 2;
        double lo = 0, hi = length;
        double x1 = hi - invPhi * (hi - lo), x2 = lo + invPhi * (hi - lo);
        double f1 = distanceAlong(p, line, x1), f2 = distanceAlong(p, line, x2);
        while (hi - lo > SEARCH_TOLERANCE_METRES) {
            if (f1 < f2) {
                hi = x2; x2 = x1; f2 = f1;
                x1 = hi - invPhi * (hi - lo);
                f1 = distanceAlong(p, line, x1);
            } else {
                lo = x1; x1 = x2; f1 = f2;
                x2 = lo + invPhi * (hi - lo);
                f2 = distanceAlong(p, line, x2);
            }
        }
        double interior = Math.min(f1, f2);
        return Math.min(interior, Math.min(distanceMetres(p, a), distanceMetres(p, b)));
    }

    private static double distanceAlong(GeoPoint p, GeodesicLine line, double s) {
        GeodesicData q = line.Position(s, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return Geodesic.WGS84.Inverse(p.latitudeDeg(), p.longitudeDeg(), q.lat2, q.lon2, GeodesicMask.DISTANCE).s12;
    }

    private static double[] unitVector(GeoPoint p) {
        double lat = Math.toRadians(p.latitudeDeg()), lon = Math.toRadians(p.longitudeDeg());
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    /** Great-circle distance from p to arc a-b on the mean sphere (all unit vectors), metres. */
    private static double sphericalSegmentDistanceMetres(double[] p, double[] a, double[] b) {
        double[] n = cross(a, b);
        double nNorm = norm(n);
        double toEnds = Math.min(angle(p, a), angle(p, b));
        if (nNorm < 1e-15) {
            return toEnds * MEAN_RADIUS_METRES;
        }
        for (int k = 0; k < 3; k++) {
            n[k] /= nNorm;
        }
        double sinCross = dot(p, n);
        double[] foot = {p[0] - sinCross * n[0], p[1] - sinCross * n[1], p[2] - sinCross * n[2]};
        // The foot of the perpendicular lies on the arc when it is on the inner side of both end planes.
        boolean within = dot(cross(a, foot), n) >= 0 && dot(cross(foot, b), n) >= 0;
        double d = within ? Math.abs(Math.asin(Math.max(-1, Math.min(1, sinCross)))) : toEnds;
        return d * MEAN_RADIUS_METRES;
    }

    private static double angle(double[] u, double[] v) {
        return Math.atan2(norm(cross(u, v)), dot(u, v));
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }

    private static double normaliseLongitude(double lonDeg) {
        double x = ((lonDeg + 180) % 360 + 360) % 360 - 180;
        return x == -180 && lonDeg > 0 ? 180 : x;
    }
}
