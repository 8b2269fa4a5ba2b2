package org.vigil.isr.area;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.AreaKind;
import org.vigil.isr.model.Assets;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.site.Site;
import org.vigil.theatre.site.SiteKind;

/**
 * Builds the areas of interest from a theatre: the line of contact and the borders with
 * Belarus (northern) and Russia (eastern, the government-controlled part only) cut into
 * geodesic segments of equal length (default 25 km; a remainder under half a segment joins
 * the last one), the protected sites of the kinds the assets file names (nuclear power
 * stations first), and the user's polygons.
 *
 * <p>A border vertex belongs to the border with a neighbour when it lies within 0.02°
 * (about 2 km, the accuracy of the 1:10m data) of that neighbour's polygon; runs of such
 * vertices make the border lines. Vertices inside the occupied area are dropped.
 */
public final class AreasOfInterest {

    private static final double NEIGHBOUR_TOLERANCE_DEG = 0.02;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private AreasOfInterest() {
    }

    public static List<Area> build(Theatre theatre, Assets assets) {
        List<Area> out = new ArrayList<>();
        for (Assets.SiteRule rule : assets.siteKinds()) {
            SiteKind kind = SiteKind.fromCode(rule.kind()).orElseThrow(
                    () -> new IllegalArgumentException("unknown site kind " + rule.kind()));
            theatre.sites().stream().filter(s -> s.kind() == kind).sorted(Comparator.comparing(Site::id))
                    .forEach(s -> out.add(new Area(s.id(), AreaKind.SITE, s.name(), List.of(s.location()),
                            List.of(s.location()), rule.revisitMinutes(), rule.priority())));
        }
        add(out, "cl", AreaKind.CONTACT_LINE, "contact line", List.of(theatre.contactLine()), assets);
        add(out, "eb", AreaKind.EASTERN_BORDER, "border with Russia", borderWith(theatre, "RUS"), assets);
        add(out, "nb", AreaKind.NORTHERN_BORDER, "border with Belarus", borderWith(theatre, "BLR"), assets);
        for (Assets.UserPolygon p : assets.polygons()) {
            List<GeoPoint> look = new ArrayList<>(p.ring().subList(0, p.ring().size() - 1));
            look.add(look.size() / 2, centroid(p.ring()));
            out.add(new Area(p.id(), AreaKind.POLYGON, p.name(), p.ring(), look, p.revisitMinutes(), p.priority()));
        }
        return List.copyOf(out);
    }

    private static void add(List<Area> out, String prefix, AreaKind kind, String label, List<List<GeoPoint>> lines,
                            Assets assets) {
        int n = 0;
        int revisit = assets.revisitMinutes().get(kind);
        int priority = assets.priorities().get(kind);
        for (List<GeoPoint> line : lines) {
            for (List<GeoPoint> seg : cut(line, assets.segmentMetres())) {
                n++;
                String id = String.format(Locale.ROOT, "%s-%02d", prefix, n);
                out.add(new Area(id, kind, label + " " + n, seg,
                        List.of(seg.get(0), pointAlong(seg, length(seg) / 2), seg.get(seg.size() - 1)), revisit, priority));
            }
        }
    }

    /** The parts of the theatre's border within tolerance of the neighbour, outside the occupied area. */
    public static List<List<GeoPoint>> borderWith(Theatre theatre, String iso3) {
        Geometry neighbour = theatre.neighbours().get(iso3);
        if (neighbour == null) {
            return List.of();
        }
        IndexedFacetDistance near = new IndexedFacetDistance(neighbour);
        Polygon main = largestPolygon(theatre.borderArea());
        Coordinate[] ring = main.getExteriorRing().getCoordinates();
        int n = ring.length - 1; // closed ring: last repeats first
        boolean[] on = new boolean[n];
        for (int i = 0; i < n; i++) {
            GeoPoint p = new GeoPoint(ring[i].y, ring[i].x);
            on[i] = near.isWithinDistance(FACTORY.createPoint(ring[i]), NEIGHBOUR_TOLERANCE_DEG) && !theatre.isOccupied(p);
        }
        int startAt = -1;
        for (int i = 0; i < n; i++) {
            if (!on[i]) {
                startAt = i;
                break;
            }
        }
        List<List<GeoPoint>> runs = new ArrayList<>();
        if (startAt < 0) {
            return runs;
        }
        List<GeoPoint> cur = null;
        for (int k = 1; k <= n; k++) {
            int i = (startAt + k) % n;
            if (on[i]) {
                if (cur == null) {
                    cur = new ArrayList<>();
                }
                cur.add(new GeoPoint(ring[i].y, ring[i].x));
            } else if (cur != null) {
                if (cur.size() > 1) {
                    runs.add(cur);
                }
                cur = null;
            }
        }
        // Keep the runs longer than 5 km (stray vertices near a tripoint are not a border).
        return runs.stream().filter(r -> length(r) > 5_000).toList();
    }

    private static Polygon largestPolygon(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the theatre's border has no polygon");
        }
        return best;
    }

    /** Cuts a polyline into pieces of the given geodesic length; a short remainder joins the last piece. */
    public static List<List<GeoPoint>> cut(List<GeoPoint> line, double pieceMetres) {
        double total = length(line);
        int pieces = Math.max(1, (int) Math.round(total / pieceMetres));
        if (pieces * pieceMetres > total + pieceMetres / 2) {
            pieces--;
        }
        pieces = Math.max(1, pieces);
        List<List<GeoPoint>> out = new ArrayList<>();
        List<GeoPoint> cur = new ArrayList<>();
        cur.add(line.get(0));
        double done = 0; // length of the finished pieces
        double along = 0; // length walked to the current vertex
        int piece = 1;
        for (int i = 1; i < line.size(); i++) {
            GeoPoint a = line.get(i - 1), b = line.get(i);
            double d = Geodesy.distanceMetres(a, b);
            double az = Geodesy.azimuthDeg(a, b);
            while (piece < pieces && along + d >= done + pieceMetres) {
                double cutAt = done + pieceMetres - along;
                GeoPoint c = Geodesy.destination(a, az, cutAt);
                cur.add(c);
                out.add(List.copyOf(cur));
                cur = new ArrayList<>();
                cur.add(c);
                done += pieceMetres;
                piece++;
            }
            cur.add(b);
            along += d;
        }
        out.add(List.copyOf(cur));
        return out;
    }

    public static double length(List<GeoPoint> line) {
        double s = 0;
        for (int i = 1; i < line.size(); i++) {
            s += Geodesy.distanceMetres(line.get(i - 1), line.get(i));
        }
        return s;
    }

    static GeoPoint pointAlong(List<GeoPoint> line, double metres) {
        double along = 0;
        for (int i = 1; i < line.size(); i++) {
            double d = Geodesy.distanceMetres(line.get(i - 1), line.get(i));
            if (along + d >= metres) {
                return Geodesy.destination(line.get(i - 1), Geodesy.azimuthDeg(line.get(i - 1), line.get(i)), metres - along);
            }
            along += d;
        }
        return line.get(line.size() - 1);
    }

    private static GeoPoint centroid(List<GeoPoint> ring) {
        Coordinate[] cs = ring.stream().map(p -> new Coordinate(p.longitudeDeg(), p.latitudeDeg())).toArray(Coordinate[]::new);
        var c = FACTORY.createPolygon(cs).getCentroid();
        return new GeoPoint(c.getY(), c.getX());
    }
}
