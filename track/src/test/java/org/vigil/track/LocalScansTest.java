package org.vigil.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.track.model.Coverage;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.NearlyConstantVelocity;
import org.vigil.track.predict.KalmanPredictor;

/**
 * Local scans ({@link MultiTargetTracker#localScans}) must give the same tracks as full frames
 * when reports arrive asynchronously (many small frames that look at no other track), while
 * touching only the tracks near each frame's reports.
 */
class LocalScansTest {

    private static final Coverage NO_LOOK = (x, y) -> 0;

    /** 200 vehicles 2 km apart, each reported at 1 Hz by its own clock, one small frame per 10 ms. */
    private static List<Frame> asynchronousReports(long seed, double seconds) {
        Random r = new Random(seed);
        int n = 200;
        double[] x0 = new double[n], y0 = new double[n], vx = new double[n], vy = new double[n], phase = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = (i % 20) * 2_000;
            y0[i] = (i / 20) * 2_000;
            double speed = 5 + 15 * r.nextDouble(), heading = 2 * Math.PI * r.nextDouble();
            vx[i] = speed * Math.cos(heading);
            vy[i] = speed * Math.sin(heading);
            phase[i] = r.nextDouble();
        }
        List<Frame> frames = new ArrayList<>();
        for (int step = 0; step < seconds * 100; step++) {
            double t0 = step * 0.01, t1 = t0 + 0.01;
            List<Detection> ds = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double k = Math.ceil(t0 - phase[i]);
                double t = k + phase[i];
                if (t >= t0 && t < t1) {
                    ds.add(Detection.position(t1, 1, x0[i] + vx[i] * t + 10 * r.nextGaussian(),
                            y0[i] + vy[i] * t + 10 * r.nextGaussian(), 10));
                }
            }
            frames.add(new Frame(t1, 1, ds, NO_LOOK));
        }
        return frames;
    }

    @Test
    void localScansGiveTheSameTracksAsFullFramesAndTouchOnlyNearbyOnes() {
        List<Frame> frames = asynchronousReports(11, 30);
        TrackerConfiguration config = TrackerConfiguration.defaults().withParallel(false);
        MultiTargetTracker full = config.build();
        MultiTargetTracker local = config.buildLocal(1.0);
        long touchedLocal = 0, touchedFull = 0;
        for (Frame f : frames) {
            assertThat(full.process(f)).isTrue();
            assertThat(local.process(f)).isTrue();
            touchedFull += full.touched().size();
            touchedLocal += local.touched().size();
        }
        List<Track> a = full.confirmedTracks(), b = local.confirmedTracks();
        assertThat(a).hasSize(200);
        assertThat(b).hasSize(a.size());
        double t = frames.getLast().timeSeconds();
        KalmanPredictor predictor = new KalmanPredictor(new NearlyConstantVelocity(config.qMetres2PerSecond3()));
        for (int i = 0; i < a.size(); i++) {
            Track ta = a.get(i), tb = b.get(i);
            assertThat(tb.id()).isEqualTo(ta.id());
            assertThat(tb.hits()).isEqualTo(ta.hits());
            GaussianState ga = predictor.predict(ta.state(), t).gaussian();
            GaussianState gb = predictor.predict(tb.state(), t).gaussian();
            assertThat(gb.xMetres()).isCloseTo(ga.xMetres(), within(1e-6));
            assertThat(gb.yMetres()).isCloseTo(ga.yMetres(), within(1e-6));
            assertThat(gb.covariance().a11).isCloseTo(ga.covariance().a11, within(1e-6));
            var existence = config.existenceModel();
            assertThat(existence.predict(tb.existence(), t - tb.state().timeSeconds()))
                    .isCloseTo(existence.predict(ta.existence(), t - ta.state().timeSeconds()), within(1e-9));
        }
        // a full frame touches all 200 tracks; a local one the one or two reported in it
        System.out.printf("tracks touched per frame: full %.1f, local %.2f%n", (double) touchedFull / frames.size(),
                (double) touchedLocal / frames.size());
        assertThat((double) touchedLocal / frames.size()).isLessThan(10);
        assertThat((double) touchedFull / frames.size()).isGreaterThan(150);
    }

    @Test
    void aSilentTrackIsDeletedAtASweep() {
        TrackerConfiguration config = TrackerConfiguration.defaults().withParallel(false);
        MultiTargetTracker local = config.buildLocal(1.0);
        for (int k = 0; k < 5; k++) {
            local.process(new Frame(k, 1, List.of(Detection.position(k, 1, 10 * k, 0, 10)), NO_LOOK));
        }
        assertThat(local.confirmedTracks()).hasSize(1);
        Track track = local.tracks().getFirst();
        // reports elsewhere only: the track is never near them; its covariance grows past the
        // 500 m limit within a few minutes of silence, and a sweep deletes it
        boolean removed = false;
        for (int k = 5; k < 600 && !removed; k++) {
            local.process(new Frame(k, 1, List.of(Detection.position(k, 1, 50_000, 50_000 + 30 * k, 10)), NO_LOOK));
            removed = local.removed().contains(track);
        }
        assertThat(removed).isTrue();
        assertThat(local.tracks()).doesNotContain(track);
    }

    @Test
    void theSweepRollsAFewTracksEachFrameAndReachesEveryTrackWithinItsInterval() {
        TrackerConfiguration config = TrackerConfiguration.defaults().withParallel(false);
        MultiTargetTracker local = config.buildLocal(1.0);
        // 1,000 tracks 5 km apart, started by two full frames a second apart
        for (int k = 0; k < 2; k++) {
            List<Detection> ds = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                ds.add(Detection.position(k, 1, (i % 40) * 5_000, (i / 40) * 5_000, 10));
            }
            local.process(new Frame(k, 1, ds, NO_LOOK));
        }
        assertThat(local.tracks()).hasSize(1_000);
        // then one far report every 10 ms for 3 s: no track is near it, so only the sweep touches tracks
        java.util.Map<Track, Double> lastTouch = new java.util.IdentityHashMap<>();
        double longestGap = 0;
        int mostTouched = 0;
        for (int step = 1; step <= 300; step++) {
            double t = 1 + step * 0.01;
            assertThat(local.process(new Frame(t, 1, List.of(Detection.position(t, 1, -90_000, -90_000 - step, 10)),
                    NO_LOOK))).isTrue();
            mostTouched = Math.max(mostTouched, local.touched().size());
            for (Track track : local.touched()) {
                Double before = lastTouch.put(track, t);
                longestGap = Math.max(longestGap, t - (before == null ? 1 : before));
            }
        }
        // a frame takes its 10 ms share of 1,000 tracks (10), the report's own track and a handle of rounding
        assertThat(mostTouched).isLessThanOrEqualTo(12);
        assertThat(lastTouch.keySet()).containsAll(local.tracks().stream().filter(tr -> tr.id() <= 1_000).toList());
        assertThat(longestGap).isLessThanOrEqualTo(1.0 + 0.01 + 1e-9);
    }
}
