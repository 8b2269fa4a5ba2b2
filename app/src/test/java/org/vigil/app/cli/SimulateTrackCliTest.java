package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil simulate} (contract flags, sensor suite, WGS84 over the theatre) and {@code vigil track} on its files. */
class SimulateTrackCliTest {

    @TempDir
    Path dir;

    @Test
    void theContractFlagsWriteAScenarioThatTrackScores() throws Exception {
        Path scenario = dir.resolve("s.csv"), tracks = dir.resolve("t.csv");
        CliRunner.Result sim = CliRunner.run("simulate", "--targets", "20", "--duration-s", "60", "--seed", "4",
                "--clutter", "5", "--pd", "0.9", "--out", scenario.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        assertThat(Files.readAllLines(scenario)).contains("# plane=local-m", "# seed=4", "# targets=20");
        CliRunner.Result track = CliRunner.run("track", "--scenario", scenario.toString(), "--out", tracks.toString());
        assertThat(track.exitCode()).as(track.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(track.out());
        assertThat(json.get("detections").asLong()).isPositive();
        assertThat(json.get("cpuSeconds").asDouble()).isPositive();
        assertThat(json.get("gospa").asDouble()).isLessThan(20 * 50); // well below "every target missed"
        assertThat(Files.readAllLines(tracks).get(0)).isEqualTo("t,track_id,x,y");
    }

    @Test
    void wgs84WithTheSensorSuiteOverTheTheatre() throws Exception {
        Path scenario = dir.resolve("geo.csv"), tracks = dir.resolve("geo-tracks.csv");
        CliRunner.Result sim = CliRunner.run("simulate", "--targets", "30", "--duration-s", "40", "--seed", "2",
                "--sensors", "area,suite", "--wgs84", "--out", scenario.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        List<String> lines = Files.readAllLines(scenario);
        assertThat(lines).contains("# plane=wgs84-deg", "kind,t,id,lat,lon,sigma");
        assertThat(lines).anyMatch(l -> l.startsWith("# sensors=AreaSurveillanceSensor,DroneVideo"));
        // Zhytomyr lies near 50.25 N, 28.66 E: every truth row is within the 35 km square around it
        lines.stream().filter(l -> l.startsWith("truth,")).forEach(l -> {
            String[] f = l.split(",");
            assertThat(Double.parseDouble(f[3])).isBetween(49.9, 50.6);
            assertThat(Double.parseDouble(f[4])).isBetween(28.1, 29.2);
        });
        CliRunner.Result track = CliRunner.run("track", "--scenario", scenario.toString(), "--out", tracks.toString());
        assertThat(track.exitCode()).as(track.err()).isZero();
        List<String> rows = Files.readAllLines(tracks);
        assertThat(rows.get(0)).isEqualTo("t,track_id,lat,lon");
        assertThat(rows).hasSizeGreaterThan(1);
        assertThat(Double.parseDouble(rows.get(1).split(",")[2])).isBetween(49.9, 50.6);
    }

    @Test
    void badSimulateOptionsAreOneLineErrors() {
        CliRunner.Result sensor = CliRunner.run("simulate", "--targets", "5", "--duration-s", "5", "--seed", "1",
                "--sensors", "drone,sonar", "--out", dir.resolve("x.csv").toString());
        assertThat(sensor.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sensor.err().strip()).isEqualTo("vigil: --sensors: unknown family 'sonar' (area, drone, gmti, satellite, op or suite)");
        CliRunner.Result outside = CliRunner.run("simulate", "--targets", "50000", "--duration-s", "5", "--seed", "1",
                "--wgs84", "--out", dir.resolve("y.csv").toString());
        assertThat(outside.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(outside.err()).startsWith("vigil: --wgs84: the ").contains("reaches outside");
        assertThat(outside.err().lines().count()).isEqualTo(1);
    }
}
