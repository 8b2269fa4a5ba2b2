package org.vigil.theatre;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.site.Site;

/**
 * The ground Vigil plans over: the sites that matter, the line of contact, the occupied
 * area, the country's border and its neighbours.
 *
 * <p>Areas are JTS geometries in longitude/latitude degrees (x = lon, y = lat), as in
 * the GeoJSON they come from; they answer "which side" questions. Distances are
 * always geodesic on WGS84 ({@link Geodesy}), never planar degrees.
 */
public final class Theatre {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final String name;
    private final List<Site> sites;
    private final Map<String, Site> sitesById;
    private final List<GeoPoint> contactLine;
    private final Geometry occupied;
    private final PreparedGeometry occupiedPrepared;
    private final Geometry border;
    private final PreparedGeometry borderPrepared;
    private final List<List<GeoPoint>> borderRings;
    private final Map<String, Geometry> neighbours;

    /**
     * @param name        what the theatre is called (for reports)
     * @param sites       its sites, ids unique
     * @param contactLine the line of contact, vertices in order
     * @param occupied    the occupied area
     * @param border      the country's border (its area)
     * @param neighbours  neighbouring countries by ISO 3166 alpha-3 code
     */
    public Theatre(String name, List<Site> sites, List<GeoPoint> contactLine, Geometry occupied, Geometry border,
                   Map<String, Geometry> neighbours) {
        this.name = name;
        this.sites = List.copyOf(sites);
        Map<String, Site> byId = new LinkedHashMap<>();
        for (Site s : sites) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate site id " + s.id());
            }
        }
        this.sitesById = Collections.unmodifiableMap(byId);
        this.contactLine = List.copyOf(contactLine);
        this.occupied = occupied;
        this.occupiedPrepared = PreparedGeometryFactory.prepare(occupied);
        this.border = border;
        this.borderPrepared = PreparedGeometryFactory.prepare(border);
        this.borderRings = rings(border);
        this.neighbours = Collections.unmodifiableMap(new LinkedHashMap<>(neighbours));
    }

    private static List<List<GeoPoint>> rings(Geometry area) {
        List<List<GeoPoint>> out = new ArrayList<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (area.getGeometryN(i) instanceof Polygon p) {
                out.add(points(p.getExteriorRing().getCoordinates()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    out.add(points(p.getInteriorRingN(h).getCoordinates()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<GeoPoint> points(Coordinate[] cs) {
        List<GeoPoint> l = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            l.add(new GeoPoint(c.y, c.x));
        }
        return List.copyOf(l);
    }

    public String name() {
        return name;
    }

    public List<Site> sites() {
        return sites;
    }

    public Optional<Site> site(String id) {
        return Optional.ofNullable(sitesById.get(id));
    }

    public List<GeoPoint> contactLine() {
        return contactLine;
    }

    public Geometry occupiedArea() {
        return occupied;
    }

    public Geometry borderArea() {
        return border;
    }

    public Map<String, Geometry> neighbours() {
        return neighbours;
    }

    /** True when the point lies in the occupied area. */
    public boolean isOccupied(GeoPoint p) {
        return occupiedPrepared.covers(FACTORY.createPoint(new Coordinate(p.longitudeDeg(), p.latitudeDeg())));
    }

    /** True when the point lies inside the country's border. */
    public boolean isInside(GeoPoint p) {
        return borderPrepared.covers(FACTORY.createPoint(new Coordinate(p.longitudeDeg(), p.latitudeDeg())));
    }

    /** Geodesic distance from a point to the line of contact, metres. */
    public double distanceToContactLineMetres(GeoPoint p) {
        return Geodesy.distanceToPolylineMetres(p, contactLine);
    }

    /** Geodesic distance from a point to the nearest part of the country's border, metres. */
    public double distanceToBorderMetres(GeoPoint p) {
        double best = Double.POSITIVE_INFINITY;
        for (List<GeoPoint> ring : borderRings) {
            best = Math.min(best, Geodesy.distanceToPolylineMetres(p, ring));
        }
        return best;
    }

    /** Geodesic distance between two sites, metres. */
    public static double distanceMetres(Site a, Site b) {
        return Geodesy.distanceMetres(a.location(), b.location());
    }
}
