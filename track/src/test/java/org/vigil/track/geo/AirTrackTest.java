package org.vigil.track.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.vigil.track.Track;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.model.NearlyConstantVelocity3d;
import org.vigil.track.model.VerticalState;

/** The geodetic tracker's air mode: a climbing drone's height and vertical speed under the 3D NCV model. */
class AirTrackTest {

    @Test
    void aClimbingDroneGetsItsHeightAndClimbRate() {
        LocalTangentPlane plane = new LocalTangentPlane(50.45, 30.52, 150);
        NearlyConstantVelocity3d model = new NearlyConstantVelocity3d(0.5, 0.01);
        GeodeticTracker tracker = GeodeticTracker.air(plane, TrackerConfiguration.defaults().withParallel(false),
                model, 150, 15, 5);
        assertThat(tracker.tracksHeight()).isTrue();
        double sigma = 20, heightSigma = 15, climb = 2.0;
        SplittableRandom rng = new SplittableRandom(5);
        double heightError = 0, climbError = 0;
        int n = 0;
        for (int k = 0; k <= 120; k++) {
            double t = k;
            GeodesicData p = Geodesic.WGS84.Direct(50.40, 30.50, 45, 15 * t);
            double h = 400 + climb * t;
            double de = sigma * rng.nextGaussian(), dn = sigma * rng.nextGaussian();
            GeodesicData m = Geodesic.WGS84.Direct(p.lat2, p.lon2, Math.toDegrees(Math.atan2(de, dn)), Math.hypot(de, dn));
            var d = new GeodeticDetection(t, 1, m.lat2, m.lon2, OptionalDouble.of(h + heightSigma * rng.nextGaussian()),
                    sigma * sigma, 0, sigma * sigma, null);
            assertThat(tracker.process(t, 1, List.of(d))).isTrue();
            if (k >= 60) {
                List<GeodeticTrack> tracks = tracker.confirmedTracks();
                assertThat(tracks).hasSize(1);
                heightError += Math.abs(tracks.get(0).heightMetres() - h);
                n++;
                Track planar = tracker.planar().confirmedTracks().get(0);
                VerticalState v = tracker.verticalState(planar).orElseThrow();
                climbError += Math.abs(v.vzMetresPerSecond() - climb);
                assertThat(v.zSigmaMetres()).isLessThan(heightSigma);
            }
        }
        // a filtered height beats a single report's 15 m
        assertThat(heightError / n).isLessThan(heightSigma / 2);
        assertThat(climbError / n).as("mean vertical speed error, m/s").isLessThan(0.5);
    }

    @Test
    void aGroundTrackerKeepsTheSurfaceHeight() {
        LocalTangentPlane plane = new LocalTangentPlane(50.45, 30.52, 150);
        GeodeticTracker tracker = new GeodeticTracker(plane, TrackerConfiguration.defaults().withParallel(false).build(), 150);
        assertThat(tracker.tracksHeight()).isFalse();
        for (int k = 0; k < 10; k++) {
            GeodesicData p = Geodesic.WGS84.Direct(50.40, 30.50, 45, 10.0 * k);
            tracker.process(k, 1, List.of(new GeodeticDetection(k, 1, p.lat2, p.lon2, OptionalDouble.of(900), 100, 0, 100, null)));
        }
        assertThat(tracker.confirmedTracks()).singleElement()
                .satisfies(t -> assertThat(t.heightMetres()).isCloseTo(150, within(1e-6)));
    }
}
