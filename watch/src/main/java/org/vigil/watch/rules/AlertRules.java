package org.vigil.watch.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.site.SiteKind;

/**
 * The alert rules' parameters, from a YAML rules file laid over the bundled defaults
 * ({@code org/vigil/watch/rules-default.yaml}, where each rule is documented). A map in the
 * user's file merges into the default's key by key; a list or a value replaces it.
 *
 * @param proximity      a track near a protected site
 * @param crossing       a track crossing the line of contact westward
 * @param airOverNuclear an air track over a nuclear power station
 * @param massing        too many tracks in one H3 cell
 * @param borderWatch    monitored border segments and their revisit requirements
 */
public record AlertRules(Proximity proximity, Crossing crossing, AirOverNuclear airOverNuclear, Massing massing,
                         BorderWatch borderWatch) {

    /** Where the defaults live on the class path. */
    public static final String DEFAULTS = "/org/vigil/watch/rules-default.yaml";

    /**
     * @param radiusMetresByKind        alert radius per protected site kind, m
     * @param governmentControlledOnly  whether only government-controlled sites are protected
     * @param clearMargin               the alert closes beyond radius x (1 + clearMargin)
     */
    public record Proximity(boolean enabled, Map<SiteKind, Double> radiusMetresByKind, boolean governmentControlledOnly,
                            double clearMargin) {
    }

    /** @param marginMetres a side counts only this far or further from the line, m */
    public record Crossing(boolean enabled, double marginMetres) {
    }

    /** @param radiusMetres "over" means within this horizontal distance, m */
    public record AirOverNuclear(boolean enabled, double radiusMetres, boolean includeOccupied) {
    }

    /** @param maxTracks an alert when a cell holds more than this many confirmed tracks */
    public record Massing(boolean enabled, int h3Resolution, int maxTracks, double evaluateEverySeconds) {
    }

    /**
     * @param observeRadiusMetres a report within this distance of a segment observes it, m
     * @param checkEverySeconds   how often the revisit requirement is checked, s of server time
     */
    public record BorderWatch(boolean enabled, double observeRadiusMetres, double checkEverySeconds,
                              List<Segment> segments) {
    }

    /** A monitored border segment: a polyline that must be observed at least every {@code revisitSeconds}. */
    public record Segment(String id, String name, double revisitSeconds, List<GeoPoint> points) {
        public Segment {
            points = List.copyOf(points);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The bundled defaults. */
    public static AlertRules defaults() {
        return bind(readDefaults(), "rules-default.yaml");
    }

    /** The defaults with {@code file} laid over them; errors name the file and the field. */
    public static AlertRules load(Path file) {
        JsonNode user;
        try {
            user = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new IllegalArgumentException(file + ": cannot read the rules file: " + m);
        }
        ObjectNode merged = readDefaults();
        if (user != null && !user.isMissingNode() && !user.isNull()) {
            if (!user.isObject()) {
                throw new IllegalArgumentException(file + ": the rules file must be a YAML mapping");
            }
            merge(merged, (ObjectNode) user, "", file.toString());
        }
        return bind(merged, file.toString());
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = AlertRules.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("bundled rules unreadable", e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode over, String path, String file) {
        for (var it = over.fields(); it.hasNext(); ) {
            var e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode existing = into.get(e.getKey());
            if (existing == null && path.isEmpty()) {
                throw new IllegalArgumentException(file + ": field '" + p
                        + "': unknown rule (expected proximity, crossing, airOverNuclear, massing, borderWatch)");
            }
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                merge(eo, vo, p, file);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static AlertRules bind(ObjectNode root, String file) {
        Reader r = new Reader(file);
        JsonNode p = r.object(root, "proximity");
        Map<SiteKind, Double> radii = new LinkedHashMap<>();
        JsonNode radiusKm = r.object(p, "proximity.radiusKm");
        for (var it = radiusKm.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = "proximity.radiusKm." + e.getKey();
            SiteKind kind = SiteKind.fromCode(e.getKey()).orElseThrow(() -> r.error(field,
                    "unknown site kind (expected one of " + SiteKind.codes() + ")"));
            radii.put(kind, r.positiveValue(e.getValue(), field) * 1000);
        }
        Proximity proximity = new Proximity(r.bool(p, "proximity.enabled"), radii,
                r.bool(p, "proximity.governmentControlledOnly"), r.nonNegative(p, "proximity.clearMargin"));
        JsonNode c = r.object(root, "crossing");
        Crossing crossing = new Crossing(r.bool(c, "crossing.enabled"), r.nonNegative(c, "crossing.marginKm") * 1000);
        JsonNode a = r.object(root, "airOverNuclear");
        AirOverNuclear air = new AirOverNuclear(r.bool(a, "airOverNuclear.enabled"),
                r.positive(a, "airOverNuclear.radiusKm") * 1000, r.bool(a, "airOverNuclear.includeOccupied"));
        JsonNode m = r.object(root, "massing");
        double res = r.nonNegative(m, "massing.h3Resolution");
        if (res != Math.rint(res) || res > 15) {
            throw r.error("massing.h3Resolution", "must be a whole number 0..15");
        }
        double max = r.positive(m, "massing.maxTracks");
        if (max != Math.rint(max)) {
            throw r.error("massing.maxTracks", "must be a whole number");
        }
        Massing massing = new Massing(r.bool(m, "massing.enabled"), (int) res, (int) max,
                r.positive(m, "massing.evaluateEverySeconds"));
        JsonNode b = r.object(root, "borderWatch");
        List<Segment> segments = new ArrayList<>();
        JsonNode list = b.get("segments");
        if (list == null || !list.isArray()) {
            throw r.error("borderWatch.segments", "must be a list");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String f = "borderWatch.segments[" + i + "]";
            JsonNode s = list.get(i);
            if (!s.isObject()) {
                throw r.error(f, "must be a mapping with id, name, revisitHours, points");
            }
            String id = r.text(s, f + ".id");
            if (!ids.add(id)) {
                throw r.error(f + ".id", "duplicate segment id '" + id + "'");
            }
            JsonNode pts = s.get("points");
            if (pts == null || !pts.isArray() || pts.size() < 2) {
                throw r.error(f + ".points", "must list at least two [lat, lon] points");
            }
            List<GeoPoint> points = new ArrayList<>();
            for (int k = 0; k < pts.size(); k++) {
                JsonNode pt = pts.get(k);
                String pf = f + ".points[" + k + "]";
                if (!pt.isArray() || pt.size() != 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
                    throw r.error(pf, "must be [lat, lon] in degrees");
                }
                double lat = pt.get(0).asDouble(), lon = pt.get(1).asDouble();
                if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                    throw r.error(pf, "out of range: [" + lat + ", " + lon + "]");
                }
                points.add(new GeoPoint(lat, lon));
            }
            String name = s.has("name") ? r.text(s, f + ".name") : id;
            segments.add(new Segment(id, name, r.positive(s, f + ".revisitHours") * 3600, points));
        }
        BorderWatch watch = new BorderWatch(r.bool(b, "borderWatch.enabled"),
                r.positive(b, "borderWatch.observeRadiusKm") * 1000, r.positive(b, "borderWatch.checkEverySeconds"),
                segments);
        return new AlertRules(proximity, crossing, air, massing, watch);
    }

    /** Reads typed fields, failing with "file: field 'x.y': reason". */
    private record Reader(String file) {

        IllegalArgumentException error(String field, String reason) {
            return new IllegalArgumentException(file + ": field '" + field + "': " + reason);
        }

        private JsonNode field(JsonNode parent, String path) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                throw error(path, "missing");
            }
            return v;
        }

        JsonNode object(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.isObject()) {
                throw error(path, "must be a mapping");
            }
            return v;
        }

        boolean bool(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.isBoolean()) {
                throw error(path, "must be true or false");
            }
            return v.asBoolean();
        }

        String text(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw error(path, "must be a non-empty string");
            }
            return v.asText();
        }

        double positive(JsonNode parent, String path) {
            return positiveValue(field(parent, path), path);
        }

        double positiveValue(JsonNode v, String path) {
            if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
                throw error(path, "must be a positive number, not " + v);
            }
            return v.asDouble();
        }

        double nonNegative(JsonNode parent, String path) {
            JsonNode v = field(parent, path);
            if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
                throw error(path, "must be a number of at least 0, not " + v);
            }
            return v.asDouble();
        }
    }
}
