package org.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.sim.sensor.DroneVideo;
import org.vigil.sim.sensor.GmtiAircraft;
import org.vigil.sim.sensor.ObservationPost;
import org.vigil.sim.sensor.SatellitePass;
import org.vigil.sim.sensor.Sensor;
import org.vigil.sim.sensor.SensorSuite;
import org.vigil.track.geo.LocalTangentPlane;
import org.vigil.track.io.Scenario;
import org.vigil.track.io.ScenarioReader;

/** The typical sensor suite over a region, and scenario files from it in the plane and in WGS84. */
class SensorSuiteTest {

    @TempDir
    Path dir;

    @Test
    void eachFamilyReportsAndTheFileKeepsItsSensors() {
        SimulationSettings settings = SimulationSettings.of(100, 300, 4, 5, 0.9);
        List<Sensor> suite = SensorSuite.of(EnumSet.of(SensorSuite.Kind.DRONE, SensorSuite.Kind.GMTI,
                SensorSuite.Kind.SATELLITE, SensorSuite.Kind.OP), settings);
        assertThat(suite).hasSize(4 + 1 + 1 + 3);
        assertThat(suite.subList(0, 4)).allMatch(s -> s instanceof DroneVideo);
        assertThat(suite.get(4)).isInstanceOf(GmtiAircraft.class);
        assertThat(suite.get(5)).isInstanceOf(SatellitePass.class);
        assertThat(suite.subList(6, 9)).allMatch(s -> s instanceof ObservationPost);
        for (int i = 0; i < suite.size(); i++) {
            assertThat(suite.get(i).id()).isEqualTo(i + 1);
        }
        Path file = dir.resolve("suite.csv");
        Simulation.write(new Simulation(settings, suite), file, null);
        Scenario s = ScenarioReader.read(file);
        Map<Integer, Integer> framesBySensor = new TreeMap<>();
        s.scans().forEach(scan -> scan.frames().forEach(f -> framesBySensor.merge(f.sensorId(), 1, Integer::sum)));
        // the satellite takes exactly its two snapshots; the GMTI scans every 10 s; drones every second when they see something
        assertThat(framesBySensor.getOrDefault(6, 0)).isEqualTo(2);
        assertThat(framesBySensor.getOrDefault(5, 0)).isBetween(25, 30);
        assertThat(framesBySensor.keySet()).contains(5, 6);
        assertThat(s.header().get("sigma_m").split(",")).hasSize(9);
    }

    @Test
    void theWgs84FileReadsBackToThePlanarOne() {
        SimulationSettings settings = SimulationSettings.of(30, 20, 9, 2, 0.9);
        Path local = dir.resolve("local.csv"), geo = dir.resolve("geo.csv");
        Simulation.write(new Simulation(settings), local, null);
        Simulation.write(new Simulation(settings), geo, new LocalTangentPlane(50.25, 28.66, 150));
        Scenario a = ScenarioReader.read(local), b = ScenarioReader.read(geo);
        assertThat(b.tangentPlane()).isPresent();
        assertThat(b.detectionCount()).isEqualTo(a.detectionCount());
        for (int k = 0; k < a.scans().size(); k++) {
            double[] ax = a.scans().get(k).truth().x(), bx = b.scans().get(k).truth().x();
            double[] ay = a.scans().get(k).truth().y(), by = b.scans().get(k).truth().y();
            for (int i = 0; i < ax.length; i++) {
                assertThat(bx[i]).isCloseTo(ax[i], within(0.05));
                assertThat(by[i]).isCloseTo(ay[i], within(0.05));
            }
        }
    }
}
