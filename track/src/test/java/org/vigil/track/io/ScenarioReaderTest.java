package org.vigil.track.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.track.SharedBench;

/** Reading scenario files, and failing on malformed ones with file, line and reason. */
class ScenarioReaderTest {

    private static final String HEADER = """
            # format=vigil-scenario-1
            # plane=local-m
            # dt=1
            # duration=3
            # pd=0.9
            # sigma_m=10
            # sensor_mode=rr
            # some_future_key=ignored
            # a plain comment
            kind,t,id,x,y,sigma
            """;

    @TempDir
    Path dir;

    private Path write(String body) throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, HEADER + body);
        return f;
    }

    @Test
    void readsScansFramesAndTruth() throws IOException {
        Scenario s = ScenarioReader.read(write("""
                truth,0,1,10.00,20.00,
                det,0,1,11.00,19.00,10
                det,0,1,500.00,500.00,10
                truth,2,1,30.00,20.00,
                """));
        assertThat(s.scans()).hasSize(3);
        assertThat(s.hasTruth()).isTrue();
        assertThat(s.detectionCount()).isEqualTo(2);
        assertThat(s.scans().get(0).frames()).hasSize(1);
        assertThat(s.scans().get(0).truth().size()).isEqualTo(1);
        // scan 1 has no rows at all: still one empty frame (sensor 2 mod 1 + 1 = 1 in rr mode)
        assertThat(s.scans().get(1).frames()).singleElement().satisfies(f -> assertThat(f.detections()).isEmpty());
        assertThat(s.number("pd")).contains(0.9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown kind | blip,0,1,1,1,10 | 11 | kind must be 'truth' or 'det'",
            "short row | det,0,1,1,1 | 11 | expected 6 comma-separated fields",
            "bad number | det,0,1,abc,1,10 | 11 | x must be a finite number, found 'abc'",
            "off-grid time | det,0.5,1,1,1,10 | 11 | is not a scan time",
            "time past the end | det,3,1,1,1,10 | 11 | is not a scan time",
            "zero sigma | det,0,1,1,1,0 | 11 | sigma must be positive",
            "truth with sigma | truth,0,1,1,1,5 | 11 | truth rows have an empty sigma field",
            "non-integer id | det,0,x,1,1,10 | 11 | sensor id must be an integer",
    })
    void malformedLineNamesFileLineAndReason(String name, String row, int line, String reason) throws IOException {
        Path f = write(row + "\n");
        assertThatThrownBy(() -> ScenarioReader.read(f))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageStartingWith(f + ":" + line + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ScenarioFileException) e).line()).isEqualTo(line));
    }

    @Test
    void unsortedRowsAndTruthAfterDetections() throws IOException {
        Path f = write("det,1,1,1,1,10\ndet,0,1,1,1,10\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).hasMessageStartingWith(f + ":12: ").hasMessageContaining("not sorted");
        Path g = write("det,0,1,1,1,10\ntruth,0,1,1,1,\n");
        assertThatThrownBy(() -> ScenarioReader.read(g)).hasMessageStartingWith(g + ":12: ").hasMessageContaining("truth row after det");
    }

    @Test
    void headerProblems() throws IOException {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "# dt=abc\n# duration=3\nkind,t,id,x,y,sigma\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).hasMessage(f + ":1: dt must be a number, found 'abc'");
        Files.writeString(f, "# duration=3\nkind,t,id,x,y,sigma\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).hasMessage(f + ":0: header has no '# dt=...' line");
        Files.writeString(f, "# dt=1\n# duration=3\nkind,t,x,y\n");
        assertThatThrownBy(() -> ScenarioReader.read(f)).hasMessageStartingWith(f + ":3: expected the column header");
        Files.writeString(f, "");
        assertThatThrownBy(() -> ScenarioReader.read(f)).hasMessageContaining("no column header");
        assertThatThrownBy(() -> ScenarioReader.read(dir.resolve("missing.csv"))).hasMessageEndingWith(":0: no such file");
    }

    @Test
    void readsTheSharedScenarios() {
        Scenario s = ScenarioReader.read(SharedBench.trackingDir().resolve("scenarios/medium-clutter.csv"));
        assertThat(s.scans()).hasSize(300);
        assertThat(s.detectionCount()).isEqualTo(25_544);
        assertThat(s.region()).isPresent();
    }
}
