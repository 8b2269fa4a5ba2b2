package org.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.track.ScenarioRun;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.io.Scenario;
import org.vigil.track.io.ScenarioReader;
import org.vigil.track.metric.ScenarioScore;

/** The simulator: deterministic, readable by the scenario reader, and trackable. */
class SimulationTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameFileAndTheTrackerFollowsIt() throws Exception {
        SimulationSettings s = SimulationSettings.of(50, 120, 42, 10, 0.9);
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        Simulation.write(s, a);
        Simulation.write(s, b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

        Scenario scenario = ScenarioReader.read(a);
        assertThat(scenario.scans()).hasSize(120);
        assertThat(scenario.hasTruth()).isTrue();
        // constant population: every scan holds (close to) all 50 targets
        assertThat(scenario.scans().get(60).truth().size()).isBetween(40, 50);

        ScenarioRun run = ScenarioRun.of(scenario, TrackerConfiguration.forScenario(scenario).build());
        ScenarioScore score = run.score(scenario, 100, 1);
        // about 15 m per target, a few missed/false ones: far below the 50 m per target of an empty picture
        assertThat(score.gospa()).isLessThan(50 * 50 * 0.5);
    }

    @Test
    void differentSeedsDiffer() {
        SimulatedScan x = new Simulation(SimulationSettings.of(20, 10, 1, 0, 1)).next();
        SimulatedScan y = new Simulation(SimulationSettings.of(20, 10, 2, 0, 1)).next();
        assertThat(x.xMetres()).isNotEqualTo(y.xMetres());
        assertThat(x.detectionCount()).isEqualTo(x.ids().length);
    }
}
