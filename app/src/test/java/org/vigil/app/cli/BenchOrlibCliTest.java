package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vigil bench orlib} contract: one JSON line, exit codes. */
class BenchOrlibCliTest {

    @TempDir
    Path dir;

    private static Path shared(String file) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/orlib").resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("../shared/data/orlib/" + file + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void printsOneJsonLineWithThePublishedOptimum() throws Exception {
        CliRunner.Result r = CliRunner.run("bench", "orlib", "--family", "cap", "--file", shared("cap71.txt").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip().lines().count()).isEqualTo(1);
        JsonNode line = new ObjectMapper().readTree(r.out());
        assertThat(line.get("instance").asText()).isEqualTo("cap71");
        assertThat(line.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(line.get("objective").asDouble()).isCloseTo(932_615.750, within(0.01));
        assertThat(line.get("seconds").asDouble()).isPositive();
    }

    @Test
    void aMalformedFileIsBadInputNamingFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "2 3\n100 x\n");
        CliRunner.Result r = CliRunner.run("bench", "orlib", "--family", "cap", "--file", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("vigil: " + bad + ":2").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
