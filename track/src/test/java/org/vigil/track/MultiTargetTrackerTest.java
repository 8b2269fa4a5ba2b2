package org.vigil.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.track.delete.UpdateCountDeleter;
import org.vigil.track.gate.MahalanobisGate;
import org.vigil.track.associate.GlobalNearestNeighbour;
import org.vigil.track.initiate.MOfNConfirmation;
import org.vigil.track.initiate.SinglePointInitiator;
import org.vigil.track.model.Detection;
import org.vigil.track.model.ExistenceModel;
import org.vigil.track.model.Frame;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.NearlyConstantVelocity;
import org.vigil.track.predict.KalmanPredictor;
import org.vigil.track.update.KalmanUpdater;

/** The whole pipeline on small scenes whose outcome is known. */
class MultiTargetTrackerTest {

    /** Two targets crossing at right angles, detected every second with 10 m noise. */
    private static List<Frame> crossing(long seed, int scans) {
        return crossing(seed, scans, 10);
    }

    private static List<Frame> crossing(long seed, int scans, double sigmaMetres) {
        Random rng = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < scans; k++) {
            double t = k;
            double[][] truth = {{-300 + 10 * t, 0}, {0, -300 + 10 * t}};
            List<Detection> ds = new ArrayList<>();
            for (double[] p : truth) {
                ds.add(Detection.position(t, 1, p[0] + sigmaMetres * rng.nextGaussian(),
                        p[1] + sigmaMetres * rng.nextGaussian(), sigmaMetres));
            }
            frames.add(new Frame(t, 1, ds));
        }
        return frames;
    }

    @Test
    void crossingTargetsKeepTheirTracksAndIds() {
        MultiTargetTracker tracker = TrackerConfiguration.defaults().build();
        List<Frame> frames = crossing(7, 60);
        List<Long> idsAtStart = null;
        for (Frame f : frames) {
            tracker.process(f);
            if (f.timeSeconds() == 5) {
                idsAtStart = tracker.confirmedTracks().stream().map(Track::id).sorted().toList();
            }
        }
        List<Track> end = tracker.confirmedTracks();
        assertThat(end).hasSize(2);
        assertThat(end.stream().map(Track::id).sorted().toList()).isEqualTo(idsAtStart);
        for (Track t : end) {
            GaussianState g = t.state().gaussian();
            double speed = Math.hypot(g.vxMetresPerSecond(), g.vyMetresPerSecond());
            assertThat(speed).isBetween(8.0, 12.0);
        }
    }

    /**
     * Dense clutter (100 false detections per scan over 30 x 30 km, as a generated scenario
     * that once left this tracker with no track at all): the two crossing targets are confirmed
     * within a few scans and kept, and clutter gives few confirmed tracks. Detections have 25 m
     * noise, so a new track's second detection is not overwhelmingly likelier than clutter.
     */
    @Test
    void tracksAreConfirmedInDenseClutter() {
        double half = 15_000;
        double clutterPerScan = 100;
        TrackerConfiguration c = TrackerConfiguration.defaults();
        c = new TrackerConfiguration(0.05, 0.9, clutterPerScan / (4 * half * half), c.birthDensityPerSquareMetre(),
                c.deathRatePerSecond(), c.velocitySigmaMetresPerSecond(), c.gateProbability(), c.maxGateRadiusMetres(),
                c.confirmExistence(), c.deleteExistence(), c.maxPositionSigmaMetres(),
                java.util.Optional.of(new org.vigil.track.model.Region(-half, half, -half, half)), "gnn", false, "ncv");
        assertThat(c.existenceModel().initial()).isLessThan(c.deleteExistence());
        MultiTargetTracker tracker = c.build();
        Random rng = new Random(42);
        int confirmedFalse = 0;
        for (Frame f : crossing(9, 60, 25)) {
            List<Detection> ds = new ArrayList<>(f.detections());
            int n = (int) Math.round(clutterPerScan + 10 * rng.nextGaussian());
            for (int i = 0; i < n; i++) {
                ds.add(Detection.position(f.timeSeconds(), 1, (2 * rng.nextDouble() - 1) * half,
                        (2 * rng.nextDouble() - 1) * half, 25));
            }
            java.util.Collections.shuffle(ds, rng);
            tracker.process(new Frame(f.timeSeconds(), 1, ds));
            for (Track t : tracker.confirmedTracks()) {
                GaussianState g = t.state().gaussian();
                if (Math.hypot(g.xMetres(), g.yMetres() - 0) > 400 && Math.hypot(g.xMetres(), g.yMetres()) > 400
                        && Math.abs(g.yMetres()) > 100 && Math.abs(g.xMetres()) > 100) {
                    confirmedFalse++;
                }
            }
            if (f.timeSeconds() >= 5) {
                long onTargets = tracker.confirmedTracks().stream().filter(t -> {
                    GaussianState g = t.state().gaussian();
                    double k = f.timeSeconds();
                    return Math.hypot(g.xMetres() - (-300 + 10 * k), g.yMetres()) < 100
                            || Math.hypot(g.xMetres(), g.yMetres() - (-300 + 10 * k)) < 100;
                }).count();
                assertThat(onTargets).as("tracks on the two targets at t = %s", f.timeSeconds()).isEqualTo(2);
            }
        }
        assertThat(confirmedFalse).as("confirmed track-scans away from the targets").isLessThan(60);
    }

    @Test
    void mOfNConfirmationAndMissDeletionAsComponents() {
        KalmanUpdater updater = new KalmanUpdater();
        MultiTargetTracker tracker = new MultiTargetTracker(
                new KalmanPredictor(new NearlyConstantVelocity(0.05)), updater,
                new MahalanobisGate(updater, 0.9999, 1000, 250), new GlobalNearestNeighbour(),
                new SinglePointInitiator(15), new MOfNConfirmation(3, 4), new UpdateCountDeleter(2),
                new ExistenceModel(0.9, 1e-8, 1e-10, 0), false);
        List<Frame> frames = crossing(3, 10);
        tracker.process(frames.get(0));
        tracker.process(frames.get(1));
        assertThat(tracker.confirmedTracks()).isEmpty();
        tracker.process(frames.get(2));
        assertThat(tracker.confirmedTracks()).hasSize(2);
        // three empty frames: the tracks coast twice and are deleted on the third miss
        for (int k = 3; k <= 5; k++) {
            tracker.process(new Frame(k, 1, List.of()));
            assertThat(tracker.tracks()).hasSize(k < 5 ? 2 : 0);
        }
    }

    @Test
    void outOfSequenceFramesAreRejectedAndBufferedFramesReordered() {
        MultiTargetTracker tracker = TrackerConfiguration.defaults().build();
        List<Frame> frames = crossing(11, 6);
        FrameBuffer buffer = new FrameBuffer(1.5);
        // arrival order: 0, 2, 1, 3, 5, 4, then a very late 0
        int[] order = {0, 2, 1, 3, 5, 4};
        List<Double> released = new ArrayList<>();
        for (int k : order) {
            for (Frame f : buffer.offer(frames.get(k))) {
                assertThat(tracker.process(f)).isTrue();
                released.add(f.timeSeconds());
            }
        }
        assertThat(buffer.offer(frames.get(0))).isEmpty();
        assertThat(buffer.rejected()).isEqualTo(1);
        for (Frame f : buffer.flush()) {
            tracker.process(f);
            released.add(f.timeSeconds());
        }
        assertThat(released).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(tracker.process(frames.get(2))).isFalse();
        assertThat(tracker.rejectedFrames()).isEqualTo(1);
        assertThat(tracker.confirmedTracks()).hasSize(2);
    }

    @Test
    void jpdaTracksTheSameScene() {
        MultiTargetTracker tracker = TrackerConfiguration.defaults().withAssociator("jpda").build();
        for (Frame f : crossing(5, 60)) {
            tracker.process(f);
        }
        assertThat(tracker.confirmedTracks()).hasSize(2);
    }

    @Test
    void jpdaDropsADuplicateTrackThatSharesOneTargetsDetections() {
        // two detections 5 m apart start two tracks; only one target goes on
        MultiTargetTracker tracker = TrackerConfiguration.defaults().withAssociator("jpda").withParallel(false).build();
        tracker.process(new Frame(0, 1, List.of(Detection.position(0, 1, 0, 0, 10), Detection.position(0, 1, 5, 0, 10))));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int k = 1; k <= 40; k++) {
            tracker.process(new Frame(k, 1, List.of(Detection.position(k, 1, 5.0 * k + 10 * rng.nextGaussian(),
                    10 * rng.nextGaussian(), 10))));
        }
        assertThat(tracker.confirmedTracks()).hasSize(1);
        assertThat(tracker.tracks()).hasSize(1);
    }

    @Test
    void aTrackOutsideAScansCoverageIsNotMissed() {
        MultiTargetTracker covered = TrackerConfiguration.defaults().withParallel(false).build();
        MultiTargetTracker elsewhere = TrackerConfiguration.defaults().withParallel(false).build();
        for (int k = 0; k < 10; k++) {
            Frame f = new Frame(k, 1, List.of(Detection.position(k, 1, 10.0 * k, 0, 10)));
            covered.process(f);
            elsewhere.process(f);
        }
        double before = covered.tracks().get(0).existence();
        for (int k = 10; k < 40; k++) {
            // a drone looking at a 400 m disc 5 km north; and a wide-area sensor seeing everything
            elsewhere.process(new Frame(k, 2, List.of(), (x, y) -> Math.hypot(x, y - 5000) <= 400 ? 0.95 : 0));
            covered.process(new Frame(k, 2, List.of(), (x, y) -> 0.95));
        }
        assertThat(elsewhere.confirmedTracks()).hasSize(1);
        // only the death rate (0.005 /s) acted on it
        assertThat(elsewhere.tracks().get(0).existence()).isCloseTo(before * Math.exp(-0.005 * 30), within(1e-9));
        assertThat(covered.tracks()).isEmpty();
    }
}
