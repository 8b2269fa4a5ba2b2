package org.vigil.isr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.isr.check.IndependentSgp4;
import org.vigil.isr.coverage.Coverage;
import org.vigil.isr.io.AssetsReader;
import org.vigil.isr.io.IsrPlanWriter;
import org.vigil.isr.io.SatelliteCatalogue;
import org.vigil.isr.model.Horizon;
import org.vigil.isr.model.IsrPlan;
import org.vigil.isr.orbit.TleEntry;
import org.vigil.isr.solve.IsrScheduler;
import org.vigil.theatre.io.TheatreLoader;

/**
 * The default 24 h plan (bundled theatre, 20 sample satellites, 4 aircraft, 60 drones),
 * checked from its output files alone, without the scheduler's or the coverage code:
 * the coverage figures are recomputed from the task list, every satellite task's geometry
 * is recomputed with satellite.js, and no aircraft or drone is in two places at once.
 */
class DefaultPlanTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Path dir;
    static JsonNode plan;
    static IsrPlan result;

    @BeforeAll
    static void plan() throws IOException {
        dir = Files.createTempDirectory("isr-plan");
        var assets = AssetsReader.bundledDefault();
        List<TleEntry> tles = SatelliteCatalogue.bundledTles();
        var sats = SatelliteCatalogue.satellites(tles, assets, "bundled");
        Instant start = IsrPlanner.defaultStart(tles);
        assertThat(start).isEqualTo(Instant.parse("2024-10-05T06:00:00Z"));
        IsrProblem p = IsrProblem.build(TheatreLoader.bundledUkraine(), assets, sats, Horizon.of(start, Duration.ofHours(24)));
        result = new IsrScheduler(Duration.ofSeconds(45), 2).solve(p);
        IsrPlanWriter.write(result, Coverage.of(p.areas(), result.tasks(), result.start(), result.end()), dir);
        plan = JSON.readTree(dir.resolve(IsrPlanWriter.PLAN_JSON).toFile());
        System.out.printf(Locale.ROOT, "Default plan: %s objective %.2f bound %.2f gap %.4f, %d tasks, %.1f s%n", result.status(),
                result.objective(), result.bound(), result.gap(), result.tasks().size(), result.solveSeconds());
    }

    @Test
    void planHasTheContractFieldsAndAGapUnderTwoPercent() {
        for (String f : List.of("start", "end", "status", "objective", "bound", "gap", "tasks")) {
            assertThat(plan.has(f)).as(f).isTrue();
        }
        assertThat(plan.get("status").asText()).isIn("OPTIMAL", "FEASIBLE");
        assertThat(plan.get("gap").asDouble()).isLessThan(0.02);
        assertThat(plan.get("bound").asDouble()).isGreaterThanOrEqualTo(plan.get("objective").asDouble());
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode t : plan.get("tasks")) {
            assertThat(t.get("kind").asText()).isIn("satellite", "aircraft", "drone");
            kinds.merge(t.get("kind").asText(), 1, Integer::sum);
            assertThat(t.get("areas").size()).isPositive();
        }
        assertThat(kinds).containsKeys("satellite", "aircraft", "drone");
    }

    /** Coverage recomputed by a sweep over task intervals (not the module's Coverage class). */
    @Test
    void coverageCsvAgreesWithAnIndependentRecomputationFromTheTasks() throws IOException {
        long start = Instant.parse(plan.get("start").asText()).toEpochMilli();
        long end = Instant.parse(plan.get("end").asText()).toEpochMilli();
        Map<String, List<long[]>> intervals = new HashMap<>();
        for (JsonNode t : plan.get("tasks")) {
            long s = Math.max(start, Instant.parse(t.get("start").asText()).toEpochMilli());
            long e = Math.min(end, Instant.parse(t.get("end").asText()).toEpochMilli());
            for (JsonNode a : t.get("areas")) {
                intervals.computeIfAbsent(a.asText(), k -> new ArrayList<>()).add(new long[] {s, e});
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve(IsrPlanWriter.COVERAGE_CSV), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("area,kind,requirementMinutes,maxGapMinutes,meanGapMinutes,watchedFraction,satisfied");
        assertThat(lines).hasSizeGreaterThan(100);
        int checked = 0, satisfied = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            // Sweep: sort the interval ends; the uncovered stretches between covered runs are the gaps.
            List<long[]> iv = new ArrayList<>(intervals.getOrDefault(f[0], List.of()));
            iv.removeIf(x -> x[1] < start || x[0] > end);
            iv.sort((x, y) -> Long.compare(x[0], y[0]));
            List<Long> gaps = new ArrayList<>();
            long covered = 0, cursor = start;
            for (long[] x : iv) {
                if (x[0] > cursor) {
                    gaps.add(x[0] - cursor);
                    covered += x[1] - x[0];
                    cursor = x[1];
                } else if (x[1] > cursor) {
                    covered += x[1] - cursor;
                    cursor = x[1];
                }
            }
            if (end > cursor) {
                gaps.add(end - cursor);
            }
            double maxGapMin = gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 60000.0;
            double meanGapMin = gaps.isEmpty() ? 0 : gaps.stream().mapToLong(Long::longValue).average().orElse(0) / 60000.0;
            double watched = (double) covered / (end - start);
            int requirement = Integer.parseInt(f[2]);
            boolean ok = maxGapMin <= requirement;
            assertThat(Double.parseDouble(f[3])).as("%s maxGapMinutes", f[0]).isCloseTo(maxGapMin, org.assertj.core.data.Offset.offset(0.006));
            assertThat(Double.parseDouble(f[4])).as("%s meanGapMinutes", f[0]).isCloseTo(meanGapMin, org.assertj.core.data.Offset.offset(0.006));
            assertThat(Double.parseDouble(f[5])).as("%s watchedFraction", f[0]).isCloseTo(watched, org.assertj.core.data.Offset.offset(0.00006));
            assertThat(Boolean.parseBoolean(f[6])).as("%s satisfied", f[0]).isEqualTo(ok);
            checked++;
            satisfied += ok ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "Coverage recomputed independently for %d areas; %d satisfied%n", checked, satisfied);
        assertThat(satisfied).as("most requirements met by the default plan").isGreaterThan(checked * 9 / 10);
    }

    @Test
    void noAircraftOrDroneIsInTwoPlacesAtOnce() {
        Map<String, List<long[]>> byAsset = new HashMap<>();
        for (JsonNode t : plan.get("tasks")) {
            if (!t.get("kind").asText().equals("satellite")) {
                byAsset.computeIfAbsent(t.get("asset").asText(), k -> new ArrayList<>()).add(new long[] {
                        Instant.parse(t.get("start").asText()).toEpochMilli(), Instant.parse(t.get("end").asText()).toEpochMilli()});
            }
        }
        assertThat(byAsset.keySet().stream().filter(a -> !a.startsWith("male-") && !a.startsWith("tac-"))).hasSizeLessThanOrEqualTo(4);
        byAsset.forEach((asset, l) -> {
            l.sort((x, y) -> Long.compare(x[0], y[0]));
            for (int i = 1; i < l.size(); i++) {
                assertThat(l.get(i)[0]).as("%s flies two tasks at once", asset).isGreaterThanOrEqualTo(l.get(i - 1)[1]);
            }
        });
    }

    /**
     * Every satellite task recomputed with satellite.js at its start and end: the satellite is
     * above each checked point's horizon, the point is within the sample's off-nadir limit or
     * half-swath of the sub-satellite point, and for optical sensors the Sun is at least 10°
     * up. Checked points: a site, or both ends of a segment (from coverage.geojson).
     * Tolerances cover the two implementations' different Earth models: 0.05° off-nadir,
     * 1.5 km ground distance (haversine against geodesic), 0.05° Sun elevation.
     */
    @Test
    void everySatelliteTaskLiesInsideARealAccessWindow() throws Exception {
        Map<String, String[]> tle = new HashMap<>();
        for (TleEntry e : SatelliteCatalogue.bundledTles()) {
            tle.put("sat-" + e.satnum(), new String[] {e.tle().getLine1(), e.tle().getLine2()});
        }
        Map<String, String[]> sensor = new HashMap<>();
        try (InputStream in = DefaultPlanTest.class.getResourceAsStream("/org/vigil/isr/satellites/eo-sample.csv")) {
            String[] rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < rows.length; i++) {
                String[] f = rows[i].replaceAll("\"[^\"]*\"", "x").split(",");
                sensor.put("sat-" + f[0], new String[] {f[2], f[3], f[4]});
            }
        }
        Map<String, List<double[]>> points = new HashMap<>();
        for (JsonNode f : JSON.readTree(dir.resolve(IsrPlanWriter.COVERAGE_GEOJSON).toFile()).get("features")) {
            JsonNode g = f.get("geometry");
            List<double[]> pts = new ArrayList<>();
            if (g.get("type").asText().equals("Point")) {
                pts.add(new double[] {g.get("coordinates").get(1).asDouble(), g.get("coordinates").get(0).asDouble()});
            } else {
                JsonNode c = g.get("type").asText().equals("Polygon") ? g.get("coordinates").get(0) : g.get("coordinates");
                pts.add(new double[] {c.get(0).get(1).asDouble(), c.get(0).get(0).asDouble()});
                pts.add(new double[] {c.get(c.size() - 1).get(1).asDouble(), c.get(c.size() - 1).get(0).asDouble()});
            }
            points.put(f.get("properties").get("id").asText(), pts);
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<JsonNode> satTasks = new ArrayList<>();
        for (JsonNode t : plan.get("tasks")) {
            if (!t.get("kind").asText().equals("satellite")) {
                continue;
            }
            satTasks.add(t);
            String[] l = tle.get(t.get("asset").asText());
            List<Map<String, Object>> pts = new ArrayList<>();
            for (JsonNode a : t.get("areas")) {
                for (double[] p : points.get(a.asText())) {
                    pts.add(Map.of("id", a.asText(), "lat", p[0], "lon", p[1]));
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", t.get("asset").asText());
            m.put("tle1", l[0]);
            m.put("tle2", l[1]);
            m.put("times", List.of(t.get("start").asText(), t.get("end").asText()));
            m.put("points", pts);
            tasks.add(m);
        }
        assertThat(satTasks).hasSizeGreaterThan(20);
        List<JsonNode> rows = IndependentSgp4.run("geometry", Map.of("tasks", tasks));
        int k = 0, checks = 0;
        double worstOffNadirMargin = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> task : tasks) {
            String[] s = sensor.get((String) task.get("asset"));
            boolean optical = s[0].equals("optical");
            double halfSwathKm = Double.parseDouble(s[1]) / 2, maxOffNadir = Double.parseDouble(s[2]);
            int n = ((List<?>) task.get("times")).size() * ((List<?>) task.get("points")).size();
            for (int i = 0; i < n; i++, k++) {
                JsonNode r = rows.get(k);
                String what = task.get("asset") + " " + r.get("id").asText() + " at " + r.get("time").asText() + ": " + r;
                assertThat(r.get("elevationDeg").asDouble()).as(what).isPositive();
                boolean inLimit = maxOffNadir > 0 && r.get("offNadirDeg").asDouble() <= maxOffNadir + 0.05;
                boolean inSwath = r.get("groundKm").asDouble() <= halfSwathKm + 1.5;
                assertThat(inLimit || inSwath).as("outside off-nadir limit and swath: " + what).isTrue();
                if (maxOffNadir > 0) {
                    worstOffNadirMargin = Math.max(worstOffNadirMargin, r.get("offNadirDeg").asDouble() - maxOffNadir);
                }
                if (optical) {
                    assertThat(r.get("sunElevationDeg").asDouble()).as("optical in darkness: " + what).isGreaterThanOrEqualTo(10 - 0.05);
                }
                checks++;
            }
        }
        assertThat(k).isEqualTo(rows.size());
        System.out.printf(Locale.ROOT, "Satellite tasks checked with satellite.js: %d tasks, %d geometry checks;"
                + " closest approach to an off-nadir limit %.3f deg%n", satTasks.size(), checks, worstOffNadirMargin);
    }
}
