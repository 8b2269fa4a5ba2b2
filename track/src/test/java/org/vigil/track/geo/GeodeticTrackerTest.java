package org.vigil.track.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.model.Detection;

/** Tracking in WGS84 through a tangent plane: reports in, tracks out, errors below the sensor's. */
class GeodeticTrackerTest {

    @Test
    void aTargetDrivingAGeodesicIsTrackedBelowOneSigma() {
        // plane at Kyiv, target 200 km to the south-east driving a geodesic at 15 m/s, course 60 degrees
        LocalTangentPlane plane = new LocalTangentPlane(50.45, 30.52, 0);
        GeodeticTracker tracker = new GeodeticTracker(plane, TrackerConfiguration.defaults().withParallel(false).build(), 150);
        GeodesicData start = Geodesic.WGS84.Direct(50.45, 30.52, 135, 200_000);
        double sigma = 20, speed = 15;
        SplittableRandom rng = new SplittableRandom(3);
        double errorSum = 0;
        int errorCount = 0;
        GeodeticTrack last = null;
        for (int k = 0; k <= 180; k++) {
            double t = k;
            GeodesicData p = Geodesic.WGS84.Direct(start.lat2, start.lon2, 60, speed * t);
            // measured point: the truth moved by Gaussian errors along the local east and north
            double de = sigma * rng.nextGaussian(), dn = sigma * rng.nextGaussian();
            GeodesicData m = Geodesic.WGS84.Direct(p.lat2, p.lon2, Math.toDegrees(Math.atan2(de, dn)), Math.hypot(de, dn));
            var d = new GeodeticDetection(t, 1, m.lat2, m.lon2, OptionalDouble.of(150), sigma * sigma, 0, sigma * sigma, null);
            assertThat(tracker.process(t, 1, List.of(d))).isTrue();
            List<GeodeticTrack> tracks = tracker.confirmedTracks();
            if (k >= 60) {
                assertThat(tracks).hasSize(1);
                last = tracks.get(0);
                errorSum += Geodesy.distanceMetres(GeoPoint.of(p.lat2, p.lon2), GeoPoint.of(last.latitudeDeg(), last.longitudeDeg()));
                errorCount++;
            }
        }
        double meanError = errorSum / errorCount;
        assertThat(meanError).isLessThan(sigma);
        assertThat(last.heightMetres()).isCloseTo(150, within(1e-3));
        assertThat(last.speedMetresPerSecond()).isCloseTo(speed, within(1.5));
        // the geodesic's course at the end point, in the local axes there
        GeodesicData end = Geodesic.WGS84.Direct(start.lat2, start.lon2, 60, speed * 180);
        assertThat(last.courseDeg()).isCloseTo(end.azi2, within(5.0));
        assertThat(Math.sqrt(last.eastVarianceM2())).isLessThan(sigma);
    }

    @Test
    void reportCovarianceIsTurnedIntoThePlane() {
        LocalTangentPlane plane = new LocalTangentPlane(50.0, 30.0, 0);
        GeodeticTracker tracker = new GeodeticTracker(plane, TrackerConfiguration.defaults().build(), 0);
        // far east of the origin, an error ellipse long along the local east
        var d = new GeodeticDetection(0, 1, 50.0, 34.0, OptionalDouble.empty(), 100 * 100, 0, 10 * 10, null);
        Detection planar = tracker.toPlane(d);
        double gamma = Math.toRadians(4) * Math.sin(Math.toRadians(50));
        // the major axis turns by the meridian convergence; the trace shrinks by the orthographic
        // scale cos(d / R)^2 (d = 286 km: 0.2 %)
        assertThat(planar.varianceXxM2() + planar.varianceYyM2()).isCloseTo(100 * 100 + 10 * 10, within(40.0));
        double angle = 0.5 * Math.atan2(2 * planar.covarianceXyM2(), planar.varianceXxM2() - planar.varianceYyM2());
        assertThat(angle).isCloseTo(gamma, within(1e-3));
    }

    @Test
    void planeReportsRoundTripThroughWgs84() {
        ReportProjection projection = new ReportProjection(new LocalTangentPlane(48.5, 35.0, 120), 120);
        var rr = new org.vigil.track.model.RangeRate(-7.5, 0.5, -40_000, -60_000, 180, 90);
        Detection d = new Detection(12, 3, 150_000, -80_000, 400, 150, 900, rr);
        GeodeticDetection g = projection.toGeodetic(d);
        assertThat(g.heightMetres().getAsDouble()).isCloseTo(120, within(1e-6));
        Detection back = projection.toPlane(g);
        assertThat(back.xMetres()).isCloseTo(d.xMetres(), within(1e-6));
        assertThat(back.yMetres()).isCloseTo(d.yMetres(), within(1e-6));
        assertThat(back.varianceXxM2()).isCloseTo(400, within(1e-6));
        assertThat(back.covarianceXyM2()).isCloseTo(150, within(1e-6));
        assertThat(back.varianceYyM2()).isCloseTo(900, within(1e-6));
        assertThat(back.rangeRate().sensorXMetres()).isCloseTo(-40_000, within(1e-6));
        assertThat(back.rangeRate().sensorVyMetresPerSecond()).isCloseTo(90, within(1e-9));
        assertThat(back.rangeRate().metresPerSecond()).isEqualTo(-7.5);
    }
}
