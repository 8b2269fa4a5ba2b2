package org.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigil.sim.sensor.DroneVideo;
import org.vigil.sim.sensor.GmtiAircraft;
import org.vigil.sim.sensor.ObservationPost;
import org.vigil.sim.sensor.SatellitePass;
import org.vigil.sim.sensor.Sensor;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;

/** The sensor models: footprints, revisits, errors, and determinism in a multi-sensor simulation. */
class SensorModelsTest {

    // three targets: at the origin moving east 10 m/s, at (5 km, 0) parked, at (0, 20 km) moving north 10 m/s
    private static final double[] X = {0, 5000, 0}, Y = {0, 0, 20_000}, VX = {10, 0, 0}, VY = {0, 0, 10};

    @Test
    void droneSeesOnlyUnderItself() {
        DroneVideo d = new DroneVideo(1, 0, 0, 100, 600, 400, 1, 2, 0, 1);
        Frame f = d.observe(0, X, Y, VX, VY, new SplittableRandom(1));
        assertThat(f.detections()).hasSize(1);
        assertThat(f.detections().get(0).xMetres()).isCloseTo(0, within(10.0));
        assertThat(d.looksAt(3)).isTrue();
        assertThat(d.looksAt(3.5)).isFalse();
    }

    @Test
    void gmtiSeesMoversInItsSwathWithTheirRangeRate() {
        // aircraft at (0, -30 km) flying east at 200 m/s: the left side is north, swath 20-60 km
        GmtiAircraft g = new GmtiAircraft(2, 0, -30_000, 200, 0, 20_000, 60_000, 100_000, 1, 20, 0.5, 1.5, 0, 10);
        Frame f = g.observe(0, X, Y, VX, VY, new SplittableRandom(2));
        // target 0 is in the swath (30 km north) but moves across the line of sight: in the notch;
        // target 1 is parked; target 2 (50 km) moves along the line of sight, away: detected
        assertThat(f.detections()).hasSize(1);
        Detection d = f.detections().get(0);
        assertThat(d.yMetres()).isCloseTo(20_000, within(100.0));
        // rdot = (dx (vx - svx) + dy (vy - svy)) / r = (0 * -200 + 50000 * 10) / 50000 = 10
        assertThat(d.rangeRate().metresPerSecond()).isCloseTo(10, within(2.5));
        assertThat(g.looksAt(20)).isTrue();
        assertThat(g.looksAt(25)).isFalse();
    }

    @Test
    void satelliteTakesOneSnapshotPerPassOfItsSwath() {
        SatellitePass s = new SatellitePass(3, new double[] {30, 90}, 0, 0, Math.PI / 2, 1000, 1, 3, 0, 50_000);
        assertThat(s.looksAt(30)).isTrue();
        assertThat(s.looksAt(31)).isFalse();
        // swath along the y axis, 1 km either side: targets 0 and 2
        assertThat(s.observe(30, X, Y, VX, VY, new SplittableRandom(3)).detections()).hasSize(2);
    }

    @Test
    void observationPostErrorEllipseWidensAcrossTheLineOfSight() {
        ObservationPost op = new ObservationPost(4, 5000, 3000, 4000, 1, 5, 0.01, 5);
        Frame f = op.observe(0, X, Y, VX, VY, new SplittableRandom(4));
        assertThat(f.detections()).hasSize(1); // the parked target, 3 km south
        Detection d = f.detections().get(0);
        // line of sight is north-south: cross-range (east) sigma about 3000 * 0.01 = 30 m, range (north) 5 m
        assertThat(Math.sqrt(d.varianceXxM2())).isCloseTo(30, within(2.0));
        assertThat(Math.sqrt(d.varianceYyM2())).isCloseTo(5, within(2.0));
    }

    @Test
    void aMultiSensorSimulationIsDeterministicAndInterleavesRevisits() {
        SimulationSettings settings = SimulationSettings.of(40, 60, 21, 0, 0.9);
        List<Sensor> sensors = List.of(DroneVideo.typical(1, 0, 0),
                new GmtiAircraft(2, 0, -40_000, 200, 0, 25_000, 70_000, 150_000, 0.8, 25, 0.5, 1.5, 3, 10),
                new SatellitePass(3, new double[] {45}, 0, 0, 0.3, 5000, 0.9, 3, 1, 20_000),
                new ObservationPost(4, 3000, 3000, 5000, 0.7, 10, 0.005, 5));
        Simulation a = new Simulation(settings, sensors), b = new Simulation(settings, sensors);
        int frames = 0;
        while (a.hasNext()) {
            SimulatedScan sa = a.next(), sb = b.next();
            assertThat(sa.frames().stream().map(Frame::detections).toList())
                    .isEqualTo(sb.frames().stream().map(Frame::detections).toList());
            frames += sa.frames().size();
            if (sa.timeSeconds() == 45) {
                assertThat(sa.frames()).extracting(Frame::sensorId).contains(3);
            }
        }
        // 60 drone frames, 6 GMTI scans, 1 pass, 12 observation-post reports
        assertThat(frames).isEqualTo(60 + 6 + 1 + 12);
    }
}
