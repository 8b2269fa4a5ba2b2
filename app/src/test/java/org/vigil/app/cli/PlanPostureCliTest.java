package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.io.TheatreLoader;

/**
 * The {@code vigil plan posture} contract, checked from its output files alone: the
 * rules are re-verified from plan.json with the theatre's geometry, not the solver's.
 */
class PlanPostureCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void defaultPlanWritesTheContractAndKeepsEveryRule() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", "posture", "--out", out.toString(), "--time-limit", "120");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("OPTIMAL").contains("STATION").contains("Required (nuclear_power_station): 4 of 4 guarded");

        JsonNode plan = JSON.readTree(out.resolve("plan.json").toFile());
        for (String f : List.of("status", "objective", "bound", "cap", "totalStrength", "rotationStrength", "standoffKm",
                "stations", "sites")) {
            assertThat(plan.has(f)).as(f).isTrue();
        }
        assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(plan.get("bound").asDouble()).isEqualTo(plan.get("objective").asDouble());
        assertThat(plan.get("cap").asInt()).isEqualTo(30_000);
        assertThat(plan.get("standoffKm").asDouble()).isEqualTo(50.0);

        Theatre t = TheatreLoader.bundledUkraine();
        int total = 0;
        Set<String> units = new HashSet<>();
        Map<String, Integer> onSite = new HashMap<>();
        for (JsonNode s : plan.get("stations")) {
            for (String f : List.of("unit", "nation", "type", "strength", "siteId", "lat", "lon")) {
                assertThat(s.has(f)).as(f).isTrue();
            }
            assertThat(units.add(s.get("unit").asText())).as("unit used once").isTrue();
            total += s.get("strength").asInt();
            onSite.merge(s.get("siteId").asText(), s.get("strength").asInt(), Integer::sum);
            GeoPoint at = GeoPoint.of(s.get("lat").asDouble(), s.get("lon").asDouble());
            var site = t.site(s.get("siteId").asText()).orElseThrow();
            assertThat(at).isEqualTo(site.location());
            assertThat(t.isOccupied(at)).isFalse();
            assertThat(Geodesy.distanceToPolylineMetres(at, t.contactLine())).isGreaterThanOrEqualTo(50_000);
        }
        assertThat(total).isLessThan(30_000).isEqualTo(plan.get("totalStrength").asInt());
        assertThat(plan.get("rotationStrength").asInt()).isEqualTo(3 * total);

        int npps = 0;
        for (JsonNode s : plan.get("sites")) {
            for (String f : List.of("id", "name", "kind", "criticality", "guarded", "covered", "guardStrength",
                    "responseMinutes")) {
                assertThat(s.has(f)).as(f).isTrue();
            }
            assertThat(s.get("guardStrength").asInt()).isEqualTo(onSite.getOrDefault(s.get("id").asText(), 0));
            if (s.get("kind").asText().equals("nuclear_power_station")) {
                npps++;
                assertThat(s.get("guarded").asBoolean()).as(s.get("id").asText()).isTrue();
            }
            if (s.get("covered").asBoolean()) {
                assertThat(s.get("responseMinutes").asDouble()).isLessThanOrEqualTo(120.0);
            }
        }
        assertThat(npps).isEqualTo(4);

        JsonNode geo = JSON.readTree(out.resolve("plan.geojson").toFile());
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.get("features").size()).isEqualTo(plan.get("stations").size() + plan.get("sites").size());
    }

    @Test
    void aTinyCapIsInfeasibleWithExitCodeThreeNamingTheRule() {
        CliRunner.Result r = CliRunner.run("plan", "posture", "--cap", "500", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("INFEASIBLE").contains("nuclear_power_station").contains("troop cap");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        for (String[] args : List.of(new String[] {"plan", "posture", "--cap", "lots"},
                new String[] {"plan", "posture", "--cap", "-5"},
                new String[] {"plan", "posture", "--standoff-km", "-1"},
                new String[] {"plan", "posture", "--sweep", "10:5:1"},
                new String[] {"plan", "posture", "--require", "moon-base"},
                new String[] {"plan", "posture", "--no-such-option"})) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("vigil: ").doesNotContain("\tat ");
        }
    }

    @Test
    void aBadForcesFileNamesFileLineAndField() throws IOException {
        Path forces = out.resolve("forces.yaml");
        Files.writeString(forces, "nations:\n  - code: GBR\n    units:\n      - {type: mechanised, strength: 0, count: 2}\n");
        CliRunner.Result r = CliRunner.run("plan", "posture", "--forces", forces.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("vigil: " + forces + ":4: field 'nations[0].units[0]'")
                .contains("strength").doesNotContain("\n");
    }

    @Test
    void aBadTheatreNamesFileLineAndField() throws IOException {
        Path dir = out.resolve("theatre");
        Files.createDirectories(dir);
        for (String f : List.of("sites.csv", "contact_line.geojson", "occupied.geojson", "border.geojson")) {
            try (InputStream in = TheatreLoader.class.getResourceAsStream("/org/vigil/theatre/ukraine/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        Path sites = dir.resolve("sites.csv");
        List<String> lines = Files.readAllLines(sites);
        lines.set(3, lines.get(3).replaceFirst(",airport,", ",spaceport,"));
        Files.write(sites, lines);
        CliRunner.Result r = CliRunner.run("plan", "posture", "--theatre", dir.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("vigil: " + sites + ":4: field 'kind'").contains("spaceport");
    }

    @Test
    void sweepWritesCsvAndChart() throws IOException {
        CliRunner.Result r = CliRunner.run("plan", "posture", "--sweep", "10000:30000:10000", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo("cap,status,objective,bound,totalStrength,guarded,covered");
        assertThat(csv).hasSize(4);
        double previous = -1;
        for (String row : csv.subList(1, csv.size())) {
            double objective = Double.parseDouble(row.split(",")[2]);
            assertThat(objective).isGreaterThanOrEqualTo(previous);
            previous = objective;
        }
        assertThat(Files.readString(out.resolve("sweep.svg"))).startsWith("<svg").contains("troop cap");
        assertThat(r.err()).contains("Sweep: planning at cap 10000 (1/3)");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"plan", "--help"},
                new String[] {"plan", "posture", "--help"}, new String[] {"demo", "--help"}, new String[] {"bench", "--help"})) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }
}
