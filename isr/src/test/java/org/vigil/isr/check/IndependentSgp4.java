package org.vigil.isr.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/node/sgp4check.mjs}: satellite.js 7.1.0 (an SGP4 and Earth-rotation
 * implementation independent of Orekit) installed from npm into {@code target/sgp4check}.
 * Tests using it are skipped when node is absent (CI installs it).
 */
public final class IndependentSgp4 {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndependentSgp4() {
    }

    /** Runs the harness in the given mode on the request; one parsed JSON object per output line. */
    public static List<JsonNode> run(String mode, Object request) throws IOException, InterruptedException {
        Assumptions.assumeTrue(commandWorks("node", "--version"), "node is not installed: skipping the satellite.js check");
        Path dir = install();
        Path req = Files.createTempFile(dir, "request", ".json");
        JSON.writeValue(req.toFile(), request);
        Path log = Files.createTempFile(dir, "out", ".jsonl");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder("node", "sgp4check.mjs", mode, req.toAbsolutePath().toString()).directory(dir.toFile())
                .redirectOutput(log.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done && p.exitValue() == 0).as("sgp4check.mjs failed: " + Files.readString(err)).isTrue();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static synchronized Path install() throws IOException, InterruptedException {
        Path src = Path.of("src", "test", "node");
        Path target = Path.of("target", "sgp4check");
        Files.createDirectories(target);
        boolean lockChanged = !Files.exists(target.resolve("package-lock.json"))
                || Files.mismatch(src.resolve("package-lock.json"), target.resolve("package-lock.json")) >= 0;
        for (String f : List.of("package.json", "package-lock.json", "sgp4check.mjs")) {
            Files.copy(src.resolve(f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(target.resolve("node_modules/satellite.js"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(target.toFile()).redirectErrorStream(true)
                    .redirectOutput(target.resolve("npm-ci.log").toFile()).start();
            boolean done = npm.waitFor(300, TimeUnit.SECONDS);
            assertThat(done && npm.exitValue() == 0).as("npm ci of satellite.js failed (the npm registry must be reachable):\n"
                    + Files.readString(target.resolve("npm-ci.log"))).isTrue();
        }
        return target;
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
