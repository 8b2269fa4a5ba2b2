package org.vigil.posture.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.SiteStatus;
import org.vigil.posture.model.Station;
import org.vigil.theatre.geo.GeoPoint;

/**
 * Writes a plan as {@code plan.json} (the contract other tools read) and
 * {@code plan.geojson} (stations and sites as points, for any GIS).
 */
public final class PlanWriter {

    public static final String PLAN_JSON = "plan.json";
    public static final String PLAN_GEOJSON = "plan.geojson";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanWriter() {
    }

    public static void write(PostureProblem problem, Plan plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(PLAN_JSON), JSON.writeValueAsString(json(problem, plan)));
        writeAtomically(dir.resolve(PLAN_GEOJSON), JSON.writeValueAsString(geoJson(problem, plan)));
    }

    /** Writes beside the target and renames, so a reader never sees half a file. */
    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content + "\n");
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static ObjectNode json(PostureProblem problem, Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", plan.status().name());
        root.put("objective", plan.objective());
        root.put("bound", plan.bound());
        root.put("cap", plan.rules().capTroops());
        root.put("totalStrength", plan.totalStrength());
        root.put("rotationStrength", plan.rotationStrength());
        root.put("rotationRatio", plan.rules().rotationRatio());
        root.put("standoffKm", plan.rules().standoffMetres() / 1000);
        root.put("responseMinutes", plan.rules().responseTime().toSeconds() / 60.0);
        root.put("roadTortuosity", plan.rules().roadTortuosity());
        root.put("roadSpeedKmh", plan.rules().roadSpeedMetresPerSecond() * 3.6);
        root.put("requirements", problem.requirementLabel());
        root.put("theatre", problem.theatre().name());
        root.put("seconds", plan.seconds());
        if (!plan.message().isEmpty()) {
            root.put("message", plan.message());
        }
        ArrayNode stations = root.putArray("stations");
        for (Station s : plan.stations()) {
            GeoPoint at = problem.site(s.siteId()).orElseThrow().site().location();
            ObjectNode o = stations.addObject();
            o.put("unit", s.unit().id());
            o.put("nation", s.unit().nation());
            o.put("type", s.unit().type().code());
            o.put("strength", s.unit().strength());
            o.put("siteId", s.siteId());
            o.put("lat", at.latitudeDeg());
            o.put("lon", at.longitudeDeg());
        }
        ArrayNode sites = root.putArray("sites");
        for (SiteStatus s : plan.sites()) {
            ObjectNode o = sites.addObject();
            o.put("id", s.site().id());
            o.put("name", s.site().site().name());
            o.put("kind", s.site().site().kind().code());
            o.put("criticality", s.site().profile().criticality());
            o.put("guarded", s.guarded());
            o.put("covered", s.covered());
            o.put("guardStrength", s.guardStrength());
            o.put("requiredGuardStrength", s.site().profile().guardStrength());
            if (s.responseMinutes().isPresent()) {
                o.put("responseMinutes", Math.round(s.responseMinutes().getAsDouble() * 10) / 10.0);
            } else {
                o.putNull("responseMinutes");
            }
            o.put("distanceToContactLineKm", Math.round(s.site().distanceToContactLineMetres() / 100) / 10.0);
            o.put("lat", s.site().site().location().latitudeDeg());
            o.put("lon", s.site().site().location().longitudeDeg());
        }
        return root;
    }

    static ObjectNode geoJson(PostureProblem problem, Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Station s : plan.stations()) {
            GeoPoint at = problem.site(s.siteId()).orElseThrow().site().location();
            ObjectNode props = point(features, at);
            props.put("feature", "station");
            props.put("unit", s.unit().id());
            props.put("nation", s.unit().nation());
            props.put("type", s.unit().type().code());
            props.put("strength", s.unit().strength());
            props.put("siteId", s.siteId());
        }
        for (SiteStatus s : plan.sites()) {
            ObjectNode props = point(features, s.site().site().location());
            props.put("feature", "site");
            props.put("id", s.site().id());
            props.put("name", s.site().site().name());
            props.put("kind", s.site().site().kind().code());
            props.put("criticality", s.site().profile().criticality());
            props.put("guarded", s.guarded());
            props.put("covered", s.covered());
            props.put("guardStrength", s.guardStrength());
        }
        return root;
    }

    private static ObjectNode point(ArrayNode features, GeoPoint at) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates").add(at.longitudeDeg()).add(at.latitudeDeg());
        return f.putObject("properties");
    }
}
