package org.vigil.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;

/**
 * The theatre's base map as one GeoJSON FeatureCollection (lon/lat degrees): the country's
 * border, its neighbours, the line of contact, the occupied area and the stand-off band. Each
 * feature's {@code properties.layer} says which.
 *
 * <p>The stand-off band is every point within D of the line of contact, measured geodesically
 * (as the posture planner measures it), not a buffer in degrees, which would be a third narrower
 * east-west than north-south at these latitudes. It is built as the union of geodesic circles of
 * radius D about points of the line densified to at most D/4 apart: between two neighbouring
 * circles the union's edge dips below D by at most D(1 - cos(asin(1/8))), under 0.8 %.
 */
public final class TheatreGeoJson {

    private static final int CIRCLE_VERTICES = 48;
    private static final double SIMPLIFY_TOLERANCE_DEG = 0.002;

    private final Theatre theatre;
    private final GeometryFactory factory = new GeometryFactory();
    private final Map<Long, Geometry> bands = new ConcurrentHashMap<>();

    public TheatreGeoJson(Theatre theatre) {
        this.theatre = theatre;
    }

    /** The FeatureCollection, with the stand-off band of {@code standoffMetres} (none when 0). */
    public ObjectNode featureCollection(double standoffMetres) {
        ObjectNode root = ApiJson.MAPPER.createObjectNode();
        root.put("type", "FeatureCollection");
        root.put("name", theatre.name());
        Envelope e = theatre.borderArea().getEnvelopeInternal();
        root.putArray("bbox").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
        ArrayNode features = root.putArray("features");
        feature(features, theatre.borderArea(), "border").put("name", theatre.name());
        theatre.neighbours().forEach((iso3, area) -> feature(features, area, "neighbour").put("iso3", iso3));
        feature(features, line(theatre.contactLine()), "contactLine");
        feature(features, theatre.occupiedArea(), "occupied");
        if (standoffMetres > 0) {
            feature(features, standoffBand(standoffMetres), "standoff").put("standoffKm", standoffMetres / 1000);
        }
        return root;
    }

    /** Points within {@code standoffMetres} of the line of contact (cached per whole metre). */
    public Geometry standoffBand(double standoffMetres) {
        return bands.computeIfAbsent(Math.round(standoffMetres), d -> buildBand(d));
    }

    private Geometry buildBand(double radiusMetres) {
        double step = Math.min(5_000, radiusMetres / 4);
        List<Geometry> circles = new ArrayList<>();
        List<GeoPoint> line = theatre.contactLine();
        for (int i = 0; i < line.size(); i++) {
            GeoPoint a = line.get(i);
            circles.add(circle(a, radiusMetres));
            if (i + 1 < line.size()) {
                GeoPoint b = line.get(i + 1);
                double length = Geodesy.distanceMetres(a, b);
                int pieces = (int) Math.ceil(length / step);
                double azimuth = Geodesy.azimuthDeg(a, b);
                for (int k = 1; k < pieces; k++) {
                    circles.add(circle(Geodesy.destination(a, azimuth, length * k / pieces), radiusMetres));
                }
            }
        }
        Geometry band = UnaryUnionOp.union(circles);
        return TopologyPreservingSimplifier.simplify(band, Math.min(SIMPLIFY_TOLERANCE_DEG, radiusMetres / 1e6));
    }

    private Polygon circle(GeoPoint centre, double radiusMetres) {
        Coordinate[] ring = new Coordinate[CIRCLE_VERTICES + 1];
        for (int k = 0; k < CIRCLE_VERTICES; k++) {
            GeoPoint p = Geodesy.destination(centre, 360.0 * k / CIRCLE_VERTICES, radiusMetres);
            ring[k] = new Coordinate(p.longitudeDeg(), p.latitudeDeg());
        }
        ring[CIRCLE_VERTICES] = ring[0];
        return factory.createPolygon(ring);
    }

    private LineString line(List<GeoPoint> points) {
        return factory.createLineString(points.stream()
                .map(p -> new Coordinate(p.longitudeDeg(), p.latitudeDeg())).toArray(Coordinate[]::new));
    }

    private static ObjectNode feature(ArrayNode features, Geometry g, String layer) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        f.set("geometry", geometry(g));
        ObjectNode props = f.putObject("properties");
        props.put("layer", layer);
        return props;
    }

    /** A JTS geometry (lon/lat) as a GeoJSON geometry object, coordinates rounded to 1e-5 degrees (about 1 m). */
    static ObjectNode geometry(Geometry g) {
        ObjectNode o = ApiJson.MAPPER.createObjectNode();
        switch (g) {
            case org.locationtech.jts.geom.Point p -> {
                o.put("type", "Point");
                position(o.putArray("coordinates"), p.getCoordinate());
            }
            case LineString l -> {
                o.put("type", "LineString");
                positions(o.putArray("coordinates"), l.getCoordinates());
            }
            case Polygon p -> {
                o.put("type", "Polygon");
                rings(o.putArray("coordinates"), p);
            }
            case org.locationtech.jts.geom.MultiPolygon mp -> {
                o.put("type", "MultiPolygon");
                ArrayNode polys = o.putArray("coordinates");
                for (int i = 0; i < mp.getNumGeometries(); i++) {
                    rings(polys.addArray(), (Polygon) mp.getGeometryN(i));
                }
            }
            case org.locationtech.jts.geom.MultiLineString ml -> {
                o.put("type", "MultiLineString");
                ArrayNode lines = o.putArray("coordinates");
                for (int i = 0; i < ml.getNumGeometries(); i++) {
                    positions(lines.addArray(), ml.getGeometryN(i).getCoordinates());
                }
            }
            default -> {
                o.put("type", "GeometryCollection");
                ArrayNode parts = o.putArray("geometries");
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (g.getGeometryN(i) != g) {
                        parts.add(geometry(g.getGeometryN(i)));
                    }
                }
            }
        }
        return o;
    }

    private static void rings(ArrayNode out, Polygon p) {
        positions(out.addArray(), p.getExteriorRing().getCoordinates());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            positions(out.addArray(), p.getInteriorRingN(h).getCoordinates());
        }
    }

    private static void positions(ArrayNode out, Coordinate[] cs) {
        for (Coordinate c : cs) {
            position(out.addArray(), c);
        }
    }

    private static void position(ArrayNode out, Coordinate c) {
        out.add(Math.round(c.x * 1e5) / 1e5).add(Math.round(c.y * 1e5) / 1e5);
    }
}
