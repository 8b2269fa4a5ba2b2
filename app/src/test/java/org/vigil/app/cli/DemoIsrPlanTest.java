package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.live.BackgroundIsrPlan;
import org.vigil.theatre.io.TheatreLoader;

/**
 * {@code vigil demo} makes the ISR collection plan as well as the posture plan, and leaves it in
 * {@code DATA_DIR/isr} where the server's ISR view finds it; a plan already there is kept.
 */
class DemoIsrPlanTest {

    @TempDir
    Path dir;

    @Test
    void theDemoWritesARealIsrPlanToTheDataFolderAndSaysSo() throws Exception {
        Path data = dir.resolve("vigil-data");
        // a real demo in its own JVM (it takes over SIGTERM and SIGINT): 20 s of simulation, short solver limits
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.vigil.app.Main",
                "demo", "--duration-s", "20", "--plan-time-limit", "5", "--isr-time-limit", "25",
                "--data-dir", data.toString(), "--out", dir.resolve("posture").toString(),
                "--http-port", "0", "--cot-port", "0", "--tls-port", "0", "--udp-port", "0");
        Path log = dir.resolve("demo.log");
        Process demo = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = demo.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            demo.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the demo finished:\n%s", out).isTrue();
        assertThat(demo.exitValue()).as(out).isZero();
        Path plan = data.resolve("isr").resolve("isr-plan.json");
        assertThat(out).as(out).contains("then the ISR collection plan (24 h), into " + plan)
                .containsPattern("demo: ISR plan \\((OPTIMAL|FEASIBLE)\\): \\d+ tasks over 24 h from .*requirements met.*; wrote "
                        + java.util.regex.Pattern.quote(plan.toString()));
        JsonNode json = new ObjectMapper().readTree(plan.toFile());
        assertThat(json.findValues("tasks")).isNotEmpty();
        assertThat(json.findValues("tasks").getFirst().size()).isGreaterThan(10);
        assertThat(data.resolve("isr").resolve("coverage.geojson")).isRegularFile();
        try (var left = Files.list(data)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".isr-plan-"));
        }
    }

    @Test
    void aPlanAlreadyInTheFolderIsKept() throws Exception {
        Path isr = Files.createDirectories(dir.resolve("isr"));
        Files.writeString(isr.resolve("isr-plan.json"), "{\"mine\":true}");
        BackgroundIsrPlan p = new BackgroundIsrPlan(TheatreLoader.bundledUkraine(), isr, Duration.ofSeconds(10), 1)
                .start(() -> true);
        assertThat(p.await(Duration.ofSeconds(5))).hasValueSatisfying(o -> {
            assertThat(o.planned()).isFalse();
            assertThat(o.line()).startsWith("kept the ISR plan already in");
        });
        assertThat(Files.readString(isr.resolve("isr-plan.json"))).isEqualTo("{\"mine\":true}");
    }
}
