package org.vigil.isr.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vigil.isr.coverage.AreaCoverage;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.IsrPlan;
import org.vigil.isr.model.Task;
import org.vigil.theatre.geo.GeoPoint;

/**
 * Writes a plan: {@code isr-plan.json} (the tasks and the solver's figures),
 * {@code coverage.csv} (per area: requirement, gaps, watched share, met or not) and
 * {@code coverage.geojson} (one feature per area with its id and longest gap, for any GIS).
 * Times are ISO 8601 UTC; minutes in the CSV have two decimals.
 */
public final class IsrPlanWriter {

    public static final String PLAN_JSON = "isr-plan.json";
    public static final String COVERAGE_CSV = "coverage.csv";
    public static final String COVERAGE_GEOJSON = "coverage.geojson";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IsrPlanWriter() {
    }

    public static void write(IsrPlan plan, List<AreaCoverage> coverage, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PLAN_JSON), JSON.writeValueAsString(planJson(plan)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(COVERAGE_CSV), csv(coverage), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(COVERAGE_GEOJSON), JSON.writeValueAsString(geojson(coverage)) + "\n", StandardCharsets.UTF_8);
    }

    static ObjectNode planJson(IsrPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("start", plan.start().toString());
        root.put("end", plan.end().toString());
        root.put("status", plan.status());
        root.put("objective", Math.round(plan.objective() * 1e4) / 1e4);
        root.put("bound", Math.round(plan.bound() * 1e4) / 1e4);
        root.put("gap", Math.round(plan.gap() * 1e6) / 1e6);
        ArrayNode tasks = root.putArray("tasks");
        for (Task t : plan.tasks()) {
            ObjectNode o = tasks.addObject();
            o.put("asset", t.asset());
            o.put("kind", t.kind().code());
            o.put("start", t.start().toString());
            o.put("end", t.end().toString());
            ArrayNode a = o.putArray("areas");
            t.areas().forEach(a::add);
        }
        return root;
    }

    public static String csv(List<AreaCoverage> coverage) {
        StringBuilder b = new StringBuilder("area,kind,requirementMinutes,maxGapMinutes,meanGapMinutes,watchedFraction,satisfied\n");
        for (AreaCoverage c : coverage) {
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%.2f,%.2f,%.4f,%s%n", c.area().id(), c.area().kind().code(),
                    c.area().revisitMinutes(), c.maxGapSeconds() / 60, c.meanGapSeconds() / 60, c.watchedFraction(), c.satisfied()));
        }
        return b.toString();
    }

    static ObjectNode geojson(List<AreaCoverage> coverage) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (AreaCoverage c : coverage) {
            Area a = c.area();
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode props = f.putObject("properties");
            props.put("id", a.id());
            props.put("maxGapMinutes", Math.round(c.maxGapSeconds() / 60 * 100) / 100.0);
            props.put("kind", a.kind().code());
            props.put("name", a.name());
            props.put("requirementMinutes", a.revisitMinutes());
            props.put("satisfied", c.satisfied());
            ObjectNode g = f.putObject("geometry");
            List<GeoPoint> shape = a.shape();
            if (shape.size() == 1) {
                g.put("type", "Point");
                coordinates(g.putArray("coordinates"), shape.get(0));
            } else if (shape.get(0).equals(shape.get(shape.size() - 1)) && shape.size() >= 4) {
                g.put("type", "Polygon");
                ArrayNode ring = g.putArray("coordinates").addArray();
                shape.forEach(p -> coordinates(ring.addArray(), p));
            } else {
                g.put("type", "LineString");
                ArrayNode line = g.putArray("coordinates");
                shape.forEach(p -> coordinates(line.addArray(), p));
            }
        }
        return root;
    }

    private static void coordinates(ArrayNode a, GeoPoint p) {
        a.add(Math.round(p.longitudeDeg() * 1e5) / 1e5);
        a.add(Math.round(p.latitudeDeg() * 1e5) / 1e5);
    }
}
