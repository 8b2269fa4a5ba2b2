package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vigil isr propagate|passes} and {@code vigil plan isr} contracts: outputs, one-line errors, exit codes. */
class IsrCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path shared(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("../shared/data/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void propagatePrintsEveryVerificationVectorAndStopsAtTheDocumentedErrors() throws Exception {
        CliRunner.Result r = CliRunner.run("isr", "propagate", "--tle", shared("sgp4/SGP4-VER.TLE").toString(), "--ignore-checksum");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> out = lines(r.out());
        // tcppver.out has 667 rows; the one row of 33334 is stale output of the C++ driver, not a state.
        assertThat(out).hasSize(666);
        List<String> satnums = new ArrayList<>();
        double last28872 = -1;
        for (String l : out) {
            JsonNode n = JSON.readTree(l);
            assertThat(n.fieldNames()).toIterable().containsExactly("satnum", "minutes", "x", "y", "z", "vx", "vy", "vz");
            assertThat(n.get("satnum").asInt()).isNotEqualTo(33334);
            if (n.get("satnum").asInt() == 28872) {
                last28872 = n.get("minutes").asDouble();
            }
            satnums.add(n.get("satnum").asText());
        }
        assertThat(last28872).isEqualTo(50.0);
        List<String> err = lines(r.err());
        assertThat(err).hasSize(7);
        assertThat(err).allMatch(l -> l.startsWith("vigil: satellite "));
        assertThat(err.stream().map(l -> l.split(" ")[2]).toList())
                .containsExactly("22312", "28350", "28872", "29141", "33333", "33334", "20413");
        assertThat(err.get(0)).contains("at 494.2028672 min", "mean eccentricity");
        assertThat(err.get(2)).contains("decayed");
        // The first vector is Vallado's first row for satellite 5 (km), to the printed precision.
        JsonNode first = JSON.readTree(out.get(0));
        assertThat(first.get("x").asDouble()).isCloseTo(7022.46529266, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(first.get("vz").asDouble()).isCloseTo(4.534807250, org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void propagateAtGivenMinutes() {
        CliRunner.Result r = CliRunner.run("isr", "propagate", "--tle", shared("tle/eo-sample.tle").toString(), "--minutes", "0,90");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(lines(r.out())).hasSize(40);
    }

    @Test
    void badTlesFailWithOneLineAndExitTwo() throws Exception {
        CliRunner.Result r = CliRunner.run("isr", "propagate", "--tle", shared("sgp4/SGP4-VER.TLE").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(lines(r.err())).hasSize(1);
        assertThat(r.err()).contains("SGP4-VER.TLE:", "checksum");

        Path bad = dir.resolve("bad.tle");
        Files.writeString(bad, "ISS\n1 25544U 98067A   24279.50000000  .00016717  00000-0  10270-3 0  9000\n");
        r = CliRunner.run("isr", "passes", "--tle", bad.toString(), "--lat", "50", "--lon", "30", "--start", "2024-10-05T00:00:00Z",
                "--hours", "6");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(lines(r.err())).hasSize(1);
        assertThat(r.err()).startsWith("vigil: " + bad + ":");

        r = CliRunner.run("plan", "isr", "--tle", bad.toString(), "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(lines(r.err())).hasSize(1);
    }

    @Test
    void passesAsJsonLines() throws Exception {
        CliRunner.Result r = CliRunner.run("isr", "passes", "--tle", shared("tle/eo-sample.tle").toString(), "--lat", "50.45",
                "--lon", "30.52", "--start", "2024-10-05T06:00:00Z", "--hours", "6", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> out = lines(r.out());
        assertThat(out).hasSizeGreaterThan(5);
        for (String l : out) {
            JsonNode n = JSON.readTree(l);
            assertThat(n.fieldNames()).toIterable().containsExactly("satnum", "rise", "culmination", "set", "maxElevationDeg");
            assertThat(n.get("maxElevationDeg").asDouble()).isBetween(10.0, 90.0);
            assertThat(n.get("rise").asText()).endsWith("Z");
        }
    }

    @Test
    void impossibleRequestsFailWithOneLineAndExitTwo() throws Exception {
        for (String[] args : List.of(
                new String[] {"plan", "isr", "--horizon-hours", "100"},
                new String[] {"plan", "isr", "--horizon-hours", "0"},
                new String[] {"plan", "isr", "--start", "yesterday"},
                new String[] {"plan", "isr", "--time-limit", "-1"},
                new String[] {"plan", "isr", "--assets", dir.resolve("none.yaml").toString()},
                new String[] {"isr", "passes", "--tle", shared("tle/eo-sample.tle").toString(), "--lat", "95", "--lon", "30",
                        "--start", "2024-10-05T00:00:00Z", "--hours", "6"},
                new String[] {"isr", "propagate", "--tle", shared("tle/eo-sample.tle").toString()})) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(lines(r.err())).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("vigil: ").doesNotContain("Exception");
        }
        Path assets = dir.resolve("assets.yaml");
        Files.writeString(assets, "standoffKm: 50\ndrones:\n  - {id: d, base: {name: b, lat: 50, lon: 30}, count: 2,"
                + " rangeKm: -1, speedKmh: 100, enduranceHours: 4, turnaroundHours: 1, footprintKm: 5}\n");
        CliRunner.Result r = CliRunner.run("plan", "isr", "--assets", assets.toString(), "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("vigil: " + assets + ":3: field 'drones[0]': rangeKm must be positive and at most 5000, got -1.0");
    }

    @Test
    void planIsrWritesTheThreeFilesAndTheSummary() throws Exception {
        Path out = dir.resolve("isr");
        CliRunner.Result r = CliRunner.run("plan", "isr", "--horizon-hours", "6", "--time-limit", "30", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Solver:", "contact_line", "Wrote");
        JsonNode plan = JSON.readTree(out.resolve("isr-plan.json").toFile());
        assertThat(plan.get("start").asText()).isEqualTo("2024-10-05T06:00:00Z");
        assertThat(plan.get("end").asText()).isEqualTo("2024-10-05T12:00:00Z");
        assertThat(Files.readAllLines(out.resolve("coverage.csv")).get(0))
                .isEqualTo("area,kind,requirementMinutes,maxGapMinutes,meanGapMinutes,watchedFraction,satisfied");
        JsonNode geo = JSON.readTree(out.resolve("coverage.geojson").toFile());
        assertThat(geo.get("features").get(0).get("properties").has("maxGapMinutes")).isTrue();
        // Every unmet requirement is named with a reason.
        long unmet = Files.readAllLines(out.resolve("coverage.csv")).stream().filter(l -> l.endsWith(",false")).count();
        assertThat(r.out().lines().filter(l -> l.matches("  \\S+ +\\S+ +needs .*: (capacity|no asset|daylight).*")).count())
                .isEqualTo(unmet);
    }
}
