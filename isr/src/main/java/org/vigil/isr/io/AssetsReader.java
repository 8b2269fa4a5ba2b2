package org.vigil.isr.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.isr.model.Aircraft;
import org.vigil.isr.model.AreaKind;
import org.vigil.isr.model.Assets;
import org.vigil.isr.model.Base;
import org.vigil.isr.model.DroneFleet;
import org.vigil.isr.model.SensorType;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.io.YamlErrors;
import org.vigil.theatre.site.SiteKind;

/**
 * Reads an ISR assets file (YAML; {@code assets-default.yaml} is the annotated example).
 * Unknown fields, wrong types and impossible values fail with one line:
 * {@code FILE:LINE: field 'PATH': reason}.
 */
public final class AssetsReader {

    private static final String DEFAULT = "/org/vigil/isr/assets-default.yaml";
    private static final double KMH = 1000.0 / 3600.0;

    record FileDoc(Double standoffKm, Double segmentKm, Double minSunElevationDeg, Map<String, Integer> tasksPerPass,
                   Map<String, RequirementDoc> requirements, List<SiteDoc> sites,
                   List<AircraftDoc> aircraft, List<DroneDoc> drones, List<PolygonDoc> polygons) {
        FileDoc {
            if (standoffKm != null && (standoffKm < 0 || standoffKm > 1000)) {
                throw new IllegalArgumentException("standoffKm must be between 0 and 1000, got " + standoffKm);
            }
            if (segmentKm != null && (segmentKm < 1 || segmentKm > 500)) {
                throw new IllegalArgumentException("segmentKm must be between 1 and 500, got " + segmentKm);
            }
            if (minSunElevationDeg != null && (minSunElevationDeg < -18 || minSunElevationDeg > 90)) {
                throw new IllegalArgumentException("minSunElevationDeg must be between -18 and 90, got " + minSunElevationDeg);
            }
            if (tasksPerPass != null) {
                for (var e : tasksPerPass.entrySet()) {
                    if (!e.getKey().equals("optical") && !e.getKey().equals("sar")) {
                        throw new IllegalArgumentException("tasksPerPass keys are optical and sar, got '" + e.getKey() + "'");
                    }
                    if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100) {
                        throw new IllegalArgumentException("tasksPerPass." + e.getKey() + " must be between 0 and 100");
                    }
                }
            }
            if (requirements != null) {
                for (String k : requirements.keySet()) {
                    if (!Set.of("contact_line", "eastern_border", "northern_border").contains(k)) {
                        throw new IllegalArgumentException("requirements keys are contact_line, eastern_border and northern_border, got '" + k + "'");
                    }
                }
            }
        }
    }

    record RequirementDoc(@JsonProperty(required = true) Integer revisitMinutes, @JsonProperty(required = true) Integer priority) {
        RequirementDoc {
            checkRequirement(revisitMinutes, priority);
        }
    }

    record SiteDoc(@JsonProperty(required = true) String kind, @JsonProperty(required = true) Integer revisitMinutes,
                   @JsonProperty(required = true) Integer priority) {
        SiteDoc {
            if (SiteKind.fromCode(kind).isEmpty()) {
                throw new IllegalArgumentException("unknown site kind '" + kind + "' (expected one of " + SiteKind.codes() + ")");
            }
            checkRequirement(revisitMinutes, priority);
        }
    }

    record BaseDoc(@JsonProperty(required = true) String name, @JsonProperty(required = true) Double lat,
                   @JsonProperty(required = true) Double lon) {
        BaseDoc {
            if (lat == null || lon == null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new IllegalArgumentException("lat must be in [-90, 90] and lon in [-180, 180]");
            }
        }

        Base toBase() {
            return new Base(name, new GeoPoint(lat, lon));
        }
    }

    record AircraftDoc(@JsonProperty(required = true) String id, String type, @JsonProperty(required = true) BaseDoc base,
                       @JsonProperty(required = true) Double speedKmh, @JsonProperty(required = true) Double enduranceHours,
                       @JsonProperty(required = true) Double sensorRangeKm, @JsonProperty(required = true) Double turnaroundHours) {
        AircraftDoc {
            positive("speedKmh", speedKmh, 5000);
            positive("enduranceHours", enduranceHours, 72);
            positive("sensorRangeKm", sensorRangeKm, 2000);
            if (turnaroundHours == null || turnaroundHours < 0 || turnaroundHours > 72) {
                throw new IllegalArgumentException("turnaroundHours must be between 0 and 72");
            }
        }
    }

    record DroneDoc(@JsonProperty(required = true) String id, String type, @JsonProperty(required = true) BaseDoc base,
                    @JsonProperty(required = true) Integer count, @JsonProperty(required = true) Double rangeKm,
                    @JsonProperty(required = true) Double speedKmh, @JsonProperty(required = true) Double enduranceHours,
                    @JsonProperty(required = true) Double turnaroundHours, @JsonProperty(required = true) Double footprintKm) {
        DroneDoc {
            if (count == null || count < 0 || count > 1000) {
                throw new IllegalArgumentException("count must be between 0 and 1000");
            }
            positive("rangeKm", rangeKm, 5000);
            positive("speedKmh", speedKmh, 2000);
            positive("enduranceHours", enduranceHours, 72);
            positive("footprintKm", footprintKm, 500);
            if (turnaroundHours == null || turnaroundHours < 0 || turnaroundHours > 72) {
                throw new IllegalArgumentException("turnaroundHours must be between 0 and 72");
            }
        }
    }

    record PolygonDoc(@JsonProperty(required = true) String id, String name, @JsonProperty(required = true) List<List<Double>> ring,
                      @JsonProperty(required = true) Integer revisitMinutes, @JsonProperty(required = true) Integer priority) {
        PolygonDoc {
            checkRequirement(revisitMinutes, priority);
            if (ring == null || ring.size() < 4 || !ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new IllegalArgumentException("a ring needs at least 4 [lat, lon] points, the first repeated last");
            }
            for (List<Double> p : ring) {
                if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null || Math.abs(p.get(0)) > 90
                        || Math.abs(p.get(1)) > 180) {
                    throw new IllegalArgumentException("each ring point is [lat, lon] in degrees");
                }
            }
        }
    }

    private static void positive(String field, Double v, double max) {
        if (v == null || !(v > 0) || v > max) {
            throw new IllegalArgumentException(field + " must be positive and at most " + (long) max + ", got " + v);
        }
    }

    private static void checkRequirement(Integer revisitMinutes, Integer priority) {
        if (revisitMinutes == null || revisitMinutes < 0 || revisitMinutes > 7 * 24 * 60) {
            throw new IllegalArgumentException("revisitMinutes must be between 0 (continuous) and 10080, got " + revisitMinutes);
        }
        if (revisitMinutes > 0 && revisitMinutes < 20) {
            throw new IllegalArgumentException("revisitMinutes must be 0 (continuous) or at least 20 (two 10-minute slots), got " + revisitMinutes);
        }
        if (priority == null || priority < 1 || priority > 1000) {
            throw new IllegalArgumentException("priority must be between 1 and 1000, got " + priority);
        }
    }

    private AssetsReader() {
    }

    public static Assets bundledDefault() {
        try (InputStream in = AssetsReader.class.getResourceAsStream(DEFAULT)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled assets-default.yaml");
        } catch (IOException e) {
            throw new AssetsFileException("bundled assets-default.yaml: cannot read: " + e.getMessage());
        }
    }

    public static Assets read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssetsFileException(file + ": cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Assets parse(String text, String file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        FileDoc doc;
        try {
            doc = yaml.readValue(text, FileDoc.class);
        } catch (JsonProcessingException e) {
            throw new AssetsFileException(YamlErrors.describe(e, file, text));
        }
        if (doc == null) {
            throw new AssetsFileException(file + ": the file is empty");
        }
        Map<SensorType, Integer> tasks = new EnumMap<>(SensorType.class);
        tasks.put(SensorType.OPTICAL, 3);
        tasks.put(SensorType.SAR, 2);
        if (doc.tasksPerPass() != null) {
            doc.tasksPerPass().forEach((k, v) -> tasks.put(SensorType.valueOf(k.toUpperCase(Locale.ROOT)), v));
        }
        Map<AreaKind, Integer> revisit = new EnumMap<>(AreaKind.class);
        Map<AreaKind, Integer> priority = new EnumMap<>(AreaKind.class);
        revisit.put(AreaKind.CONTACT_LINE, 120);
        priority.put(AreaKind.CONTACT_LINE, 5);
        revisit.put(AreaKind.EASTERN_BORDER, 240);
        priority.put(AreaKind.EASTERN_BORDER, 3);
        revisit.put(AreaKind.NORTHERN_BORDER, 360);
        priority.put(AreaKind.NORTHERN_BORDER, 2);
        if (doc.requirements() != null) {
            doc.requirements().forEach((k, v) -> {
                AreaKind kind = AreaKind.valueOf(k.toUpperCase(Locale.ROOT));
                revisit.put(kind, v.revisitMinutes());
                priority.put(kind, v.priority());
            });
        }
        List<Assets.SiteRule> sites = doc.sites() == null
                ? List.of(new Assets.SiteRule("nuclear_power_station", 0, 10))
                : doc.sites().stream().map(s -> new Assets.SiteRule(s.kind(), s.revisitMinutes(), s.priority())).toList();
        Set<String> ids = new HashSet<>();
        List<Aircraft> aircraft = new ArrayList<>();
        if (doc.aircraft() != null) {
            for (int i = 0; i < doc.aircraft().size(); i++) {
                AircraftDoc a = doc.aircraft().get(i);
                unique(ids, a.id(), "aircraft[" + i + "].id", file, text);
                aircraft.add(new Aircraft(a.id(), a.type() == null ? "aircraft" : a.type(), a.base().toBase(), a.speedKmh() * KMH,
                        a.enduranceHours() * 3600, a.sensorRangeKm() * 1000, a.turnaroundHours() * 3600));
            }
        }
        List<DroneFleet> drones = new ArrayList<>();
        if (doc.drones() != null) {
            for (int i = 0; i < doc.drones().size(); i++) {
                DroneDoc d = doc.drones().get(i);
                unique(ids, d.id(), "drones[" + i + "].id", file, text);
                drones.add(new DroneFleet(d.id(), d.type() == null ? "drone" : d.type(), d.base().toBase(), d.count(),
                        d.rangeKm() * 1000, d.speedKmh() * KMH, d.enduranceHours() * 3600, d.turnaroundHours() * 3600,
                        d.footprintKm() * 1000));
            }
        }
        List<Assets.UserPolygon> polygons = new ArrayList<>();
        if (doc.polygons() != null) {
            for (int i = 0; i < doc.polygons().size(); i++) {
                PolygonDoc p = doc.polygons().get(i);
                unique(ids, p.id(), "polygons[" + i + "].id", file, text);
                polygons.add(new Assets.UserPolygon(p.id(), p.name() == null ? p.id() : p.name(),
                        p.ring().stream().map(c -> new GeoPoint(c.get(0), c.get(1))).toList(), p.revisitMinutes(), p.priority()));
            }
        }
        return new Assets(doc.standoffKm() == null ? 50_000 : doc.standoffKm() * 1000,
                doc.minSunElevationDeg() == null ? 10 : doc.minSunElevationDeg(), tasks, revisit, priority, sites,
                aircraft, drones, polygons, doc.segmentKm() == null ? 25_000 : doc.segmentKm() * 1000);
    }

    private static void unique(Set<String> ids, String id, String field, String file, String text) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new AssetsFileException(file + ":" + YamlErrors.lineOf(text, "id: " + id, 1) + ": field '" + field
                    + "': ids are 1-64 letters, digits, '_', '.', '-'");
        }
        if (!ids.add(id)) {
            throw new AssetsFileException(file + ":" + YamlErrors.lineOf(text, "id: " + id, 2) + ": field '" + field + "': id '" + id
                    + "' is used twice");
        }
    }
}
