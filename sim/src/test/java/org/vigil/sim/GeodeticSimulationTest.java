package org.vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.geo.GeodeticTrack;
import org.vigil.track.geo.GeodeticTracker;

/** The simulator in WGS84 over the bundled Ukraine theatre, tracked in WGS84. */
class GeodeticSimulationTest {

    private static final Theatre UKRAINE = TheatreLoader.bundledUkraine();

    @Test
    void vehiclesOnUkrainianGroundAreTrackedInWgs84() {
        SimulationSettings settings = SimulationSettings.of(30, 90, 5, 5, 0.95);
        GeodeticSimulation sim = GeodeticSimulation.overTheatre(UKRAINE, GeodeticSimulation.DEFAULT_SITE_ID, settings);
        GeodeticTracker tracker = new GeodeticTracker(sim.plane(), TrackerConfiguration.defaults().withParallel(false).build(), 150);
        GeodeticScan scan = null;
        while (sim.hasNext()) {
            scan = sim.next();
            for (int i = 0; i < scan.ids().length; i++) {
                assertThat(UKRAINE.isInside(GeoPoint.of(scan.latitudeDeg()[i], scan.longitudeDeg()[i]))).isTrue();
            }
            scan.frames().forEach(tracker::process);
        }
        // every true vehicle has a confirmed track within 3 sigma (60 m)
        int found = 0;
        for (int i = 0; i < scan.ids().length; i++) {
            GeoPoint truth = GeoPoint.of(scan.latitudeDeg()[i], scan.longitudeDeg()[i]);
            double best = Double.POSITIVE_INFINITY;
            for (GeodeticTrack t : tracker.confirmedTracks()) {
                best = Math.min(best, org.vigil.theatre.geo.Geodesy.distanceMetres(truth, GeoPoint.of(t.latitudeDeg(), t.longitudeDeg())));
            }
            found += best < 60 ? 1 : 0;
        }
        assertThat(found).isGreaterThanOrEqualTo(scan.ids().length - 2);
    }

    @Test
    void sameSeedSameReportsAndTheRegionMustFitTheCountry() {
        SimulationSettings settings = SimulationSettings.of(10, 5, 9, 2, 0.9);
        GeodeticScan a = new GeodeticSimulation(settings, GeoPoint.of(50.25, 28.66), 150).next();
        GeodeticScan b = new GeodeticSimulation(settings, GeoPoint.of(50.25, 28.66), 150).next();
        assertThat(a.latitudeDeg()).isEqualTo(b.latitudeDeg());
        // coverages are functions: compare what the sensors reported
        assertThat(a.frames().get(0).detections()).isEqualTo(b.frames().get(0).detections());
        // 1,000 km square around Kyiv reaches beyond the border
        SimulationSettings huge = new SimulationSettings(10, 5, 1, 1, 0, 0.9, 20,
                new org.vigil.track.model.Region(-500_000, 500_000, -500_000, 500_000), 0, 1);
        assertThatThrownBy(() -> GeodeticSimulation.overTheatre(UKRAINE, "city-kyiv", huge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }

    @Test
    void sensorSuiteOverTheTheatreReportsInWgs84() {
        SimulationSettings settings = SimulationSettings.of(30, 60, 8, 0, 0.9);
        var sensors = java.util.List.<org.vigil.sim.sensor.Sensor>of(org.vigil.sim.sensor.DroneVideo.typical(1, 0, 0),
                new org.vigil.sim.sensor.GmtiAircraft(2, -60_000, -60_000, 200, 0, 40_000, 100_000, 200_000, 0.9, 20, 0.5, 1.5, 2, 10));
        GeodeticSimulation sim = GeodeticSimulation.overTheatre(UKRAINE, GeodeticSimulation.DEFAULT_SITE_ID, settings, sensors);
        GeodeticTracker tracker = new GeodeticTracker(sim.plane(), TrackerConfiguration.defaults().withParallel(false).build(),
                GeodeticSimulation.GROUND_HEIGHT_METRES);
        int gmti = 0;
        while (sim.hasNext()) {
            for (var frame : sim.next().frames()) {
                if (frame.sensorId() == 2) {
                    gmti += frame.detections().size();
                    frame.detections().forEach(d -> assertThat(d.rangeRate()).isNotNull());
                }
                assertThat(tracker.process(frame)).isTrue();
            }
        }
        assertThat(gmti).isGreaterThan(20);
        assertThat(tracker.confirmedTracks()).isNotEmpty();
    }
}
