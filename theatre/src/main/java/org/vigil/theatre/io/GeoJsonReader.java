package org.vigil.theatre.io;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the GeoJSON (RFC 7946) subset a theatre uses: a FeatureCollection (or a bare
 * Feature or geometry) of LineString, Polygon and MultiPolygon geometries, as JTS
 * geometries with x = longitude and y = latitude in degrees. Every coordinate is
 * range-checked, and errors name the line and the field.
 */
final class GeoJsonReader {

    /** One feature: its geometry and its string properties. */
    record Feature(Geometry geometry, Map<String, String> properties, int line) {
    }

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final String file;

    private GeoJsonReader(String file) {
        this.file = file;
    }

    static List<Feature> read(InputStream in, String file) {
        return new GeoJsonReader(file).features(LocatedJson.parse(in, file));
    }

    private List<Feature> features(LocatedJson root) {
        Map<String, LocatedJson> o = object(root, "(root)");
        String type = text(o, "type", root.line());
        List<Feature> out = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                LocatedJson fs = o.get("features");
                if (fs == null || fs.asArray() == null) {
                    throw fail(root.line(), "features", "a FeatureCollection needs a 'features' array");
                }
                int i = 0;
                for (LocatedJson f : fs.asArray()) {
                    out.add(feature(f, "features[" + i++ + "]"));
                }
            }
            case "Feature" -> out.add(feature(root, "(root)"));
            default -> out.add(new Feature(geometry(root, "(root)"), Map.of(), root.line()));
        }
        return out;
    }

    private Feature feature(LocatedJson node, String path) {
        Map<String, LocatedJson> o = object(node, path);
        if (!"Feature".equals(text(o, "type", node.line()))) {
            throw fail(node.line(), path + ".type", "expected \"Feature\"");
        }
        LocatedJson g = o.get("geometry");
        if (g == null || g.asObject() == null) {
            throw fail(node.line(), path + ".geometry", "missing geometry");
        }
        Map<String, String> props = new LinkedHashMap<>();
        LocatedJson p = o.get("properties");
        if (p != null && p.asObject() != null) {
            p.asObject().forEach((k, v) -> {
                if (v.value() != null) {
                    props.put(k, String.valueOf(v.value()));
                }
            });
        }
        return new Feature(geometry(g, path + ".geometry"), props, node.line());
    }

    private Geometry geometry(LocatedJson node, String path) {
        Map<String, LocatedJson> o = object(node, path);
        String type = text(o, "type", node.line());
        LocatedJson c = o.get("coordinates");
        if (c == null) {
            throw fail(node.line(), path + ".coordinates", "missing coordinates");
        }
        String cp = path + ".coordinates";
        return switch (type) {
            case "LineString" -> lineString(c, cp);
            case "Polygon" -> polygon(c, cp);
            case "MultiPolygon" -> {
                List<LocatedJson> parts = array(c, cp);
                Polygon[] polys = new Polygon[parts.size()];
                for (int i = 0; i < polys.length; i++) {
                    polys[i] = polygon(parts.get(i), cp + "[" + i + "]");
                }
                yield FACTORY.createMultiPolygon(polys);
            }
            default -> throw fail(node.line(), path + ".type",
                    "geometry type '" + type + "' is not supported (LineString, Polygon, MultiPolygon)");
        };
    }

    private LineString lineString(LocatedJson node, String path) {
        Coordinate[] cs = coordinates(node, path);
        if (cs.length < 2) {
            throw fail(node.line(), path, "a LineString needs at least 2 positions");
        }
        return FACTORY.createLineString(cs);
    }

    private Polygon polygon(LocatedJson node, String path) {
        List<LocatedJson> rings = array(node, path);
        if (rings.isEmpty()) {
            throw fail(node.line(), path, "a Polygon needs an exterior ring");
        }
        LinearRing shell = ring(rings.get(0), path + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), path + "[" + i + "]");
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private LinearRing ring(LocatedJson node, String path) {
        Coordinate[] cs = coordinates(node, path);
        if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
            throw fail(node.line(), path, "a ring needs at least 4 positions, the last equal to the first");
        }
        return FACTORY.createLinearRing(cs);
    }

    private Coordinate[] coordinates(LocatedJson node, String path) {
        List<LocatedJson> ps = array(node, path);
        Coordinate[] cs = new Coordinate[ps.size()];
        for (int i = 0; i < cs.length; i++) {
            LocatedJson pos = ps.get(i);
            String pp = path + "[" + i + "]";
            List<LocatedJson> xy = array(pos, pp);
            if (xy.size() < 2 || xy.get(0).asNumber() == null || xy.get(1).asNumber() == null) {
                throw fail(pos.line(), pp, "a position is [longitude, latitude]");
            }
            double lon = xy.get(0).asNumber(), lat = xy.get(1).asNumber();
            if (lon < -180 || lon > 180) {
                throw fail(pos.line(), pp, "longitude " + lon + " is outside [-180, 180]");
            }
            if (lat < -90 || lat > 90) {
                throw fail(pos.line(), pp, "latitude " + lat + " is outside [-90, 90]");
            }
            cs[i] = new Coordinate(lon, lat);
        }
        return cs;
    }

    private Map<String, LocatedJson> object(LocatedJson node, String path) {
        if (node.asObject() == null) {
            throw fail(node.line(), path, "expected a JSON object");
        }
        return node.asObject();
    }

    private List<LocatedJson> array(LocatedJson node, String path) {
        if (node.asArray() == null) {
            throw fail(node.line(), path, "expected a JSON array");
        }
        return node.asArray();
    }

    private String text(Map<String, LocatedJson> o, String field, int line) {
        LocatedJson t = o.get(field);
        if (t == null || t.asText() == null) {
            throw fail(line, field, "missing or not a string");
        }
        return t.asText();
    }

    private TheatreFileException fail(int line, String field, String reason) {
        return new TheatreFileException(file, line, field, reason);
    }
}
