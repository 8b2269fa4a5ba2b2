package org.vigil.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.http.BearerToken;
import org.vigil.posture.io.ForcesReader;
import org.vigil.sim.SimulationSettings;
import org.vigil.sim.sensor.Sensor;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.track.geo.GeodeticDetection;
import org.vigil.watch.TrackView;

/** {@code --simulate}: the sensor suite, the one-figure error, and a real server forming tracks from the feed. */
class SimulatorFeedTest {

    @TempDir
    Path data;

    @Test
    void theSuiteHasEverySensorKindWithDistinctIdsAndNames() {
        List<Sensor> suite = SimulatorFeed.sensors(SimulationSettings.of(200, SimulatorFeed.LEG.toSeconds(), 1, 0, 0.9));
        assertThat(suite.stream().map(s -> s.getClass().getSimpleName()).distinct())
                .containsExactlyInAnyOrder("AreaSurveillanceSensor", "DroneVideo", "SatellitePass", "ObservationPost", "GmtiAircraft");
        assertThat(suite.stream().map(Sensor::id).distinct()).hasSize(suite.size());
        assertThat(suite.stream().map(s -> SimulatorFeed.sensorName(s.id())).distinct()).hasSize(suite.size());
        // a GMTI sortie every 30 minutes through the 4-hour leg
        assertThat(suite.stream().filter(s -> SimulatorFeed.sensorName(s.id()).startsWith("gmti-"))).hasSize(8);
    }

    @Test
    void theReportedErrorIsTheErrorEllipsesMajorAxis() {
        // east 10 m, north 5 m: the major axis is 10 m
        assertThat(SimulatorFeed.largestSigmaMetres(new GeodeticDetection(0, 1, 50, 30, OptionalDouble.empty(), 100, 0, 25, null)))
                .isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
        // variances 50 and 50 with covariance 30: eigenvalues 80 and 20
        assertThat(SimulatorFeed.largestSigmaMetres(new GeodeticDetection(0, 1, 50, 30, OptionalDouble.empty(), 50, 30, 50, null)))
                .isCloseTo(Math.sqrt(80), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theIncursionComesWithin15KmAndLeavesAgain() {
        assertThat(ScriptedIncursion.distanceMetres(0)).isEqualTo(16_000);
        assertThat(ScriptedIncursion.distanceMetres(50)).isEqualTo(15_000);
        assertThat(ScriptedIncursion.distanceMetres(500)).isEqualTo(6_000);
        assertThat(ScriptedIncursion.distanceMetres(ScriptedIncursion.passSeconds())).isEqualTo(18_000);
    }

    @Test
    void aServerWithTheFeedFormsTracksAroundZhytomyr() throws Exception {
        try (LiveServer server = LiveServer.start(new LiveServer.Options(data, Optional.empty(), InetAddress.getLoopbackAddress(),
                0, 0, 0, 0, BearerToken.generate(), true, 100, 3, 1, null, false),
                TheatreLoader.bundledUkraine(), ForcesReader.bundledDefault())) {
            long deadline = System.nanoTime() + 40_000_000_000L;
            List<TrackView> tracks = List.of();
            while (System.nanoTime() < deadline && tracks.size() < 30) {
                Thread.sleep(500);
                tracks = server.live().tracks();
            }
            assertThat(tracks).hasSizeGreaterThanOrEqualTo(30);
            assertThat(server.feed().reportsJournaled()).isPositive();
            assertThat(server.feed().reportsRefused()).isZero();
            // within the simulated square (about 32 km across) around Zhytomyr (50.25 N, 28.66 E)
            for (TrackView t : tracks) {
                assertThat(t.latDeg()).isBetween(50.0, 50.5);
                assertThat(t.lonDeg()).isBetween(28.3, 29.0);
            }
        }
    }
}
