package org.vigil.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.track.model.Coverage;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.NearlyConstantVelocity;
import org.vigil.track.predict.KalmanPredictor;

/**
 * The grid that finds a local scan's tracks ({@link TrackGrid}) against brute force, and local
 * scans of fast targets (whose recorded positions drift far from where they are) against full
 * frames.
 */
class TrackGridTest {

    @Test
    void cellsHoldExactlyTheSlotsPlacedInThem() {
        Random r = new Random(17);
        TrackGrid grid = new TrackGrid(500);
        int n = 3_000;
        double[] x = new double[n], y = new double[n];
        grid.clear(10); // grows past this
        for (int round = 0; round < 5; round++) {
            for (int s = 0; s < n; s++) {
                if (round == 0 || r.nextInt(3) == 0) { // move a third of them each round
                    x[s] = r.nextGaussian() * 20_000;
                    y[s] = r.nextGaussian() * 20_000;
                    grid.place(s, x[s], y[s]);
                }
            }
            for (int q = 0; q < 200; q++) {
                long cx = grid.cell(r.nextGaussian() * 20_000), cy = grid.cell(r.nextGaussian() * 20_000);
                Set<Integer> inCell = new HashSet<>();
                for (int s = grid.first(cx, cy); s >= 0; s = grid.next(s)) {
                    assertThat(inCell.add(s)).isTrue();
                }
                Set<Integer> expected = new HashSet<>();
                for (int s = 0; s < n; s++) {
                    if (grid.cell(x[s]) == cx && grid.cell(y[s]) == cy) {
                        expected.add(s);
                    }
                }
                assertThat(inCell).isEqualTo(expected);
            }
        }
        grid.clear(n);
        assertThat(grid.first(grid.cell(x[0]), grid.cell(y[0]))).isEqualTo(-1);
        assertThat(grid.cell(Double.NaN)).isZero();
        assertThat(grid.cell(1e300)).isEqualTo(1L << 30);
    }

    /** Aircraft at the given speeds, starting {@code spacingMetres} apart, each reported at 1 Hz by its own clock, in frames of 10 ms. */
    private static List<Frame> fastTargets(long seed, int n, int steps, double spacingMetres, double minSpeedMetresPerSecond,
                                           double maxSpeedMetresPerSecond) {
        Coverage noLook = (px, py) -> 0;
        Random r = new Random(seed);
        double[] x0 = new double[n], y0 = new double[n], vx = new double[n], vy = new double[n], phase = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = (i % 15) * spacingMetres;
            y0[i] = (i / 15) * spacingMetres;
            double speed = minSpeedMetresPerSecond + (maxSpeedMetresPerSecond - minSpeedMetresPerSecond) * r.nextDouble();
            double heading = 2 * Math.PI * r.nextDouble();
            vx[i] = speed * Math.cos(heading);
            vy[i] = speed * Math.sin(heading);
            phase[i] = r.nextDouble();
        }
        List<Frame> frames = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            double t0 = step * 0.01, t1 = t0 + 0.01;
            List<Detection> ds = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double t = Math.ceil(t0 - phase[i]) + phase[i];
                if (t >= t0 && t < t1) {
                    ds.add(Detection.position(t1, 1, x0[i] + vx[i] * t + 20 * r.nextGaussian(),
                            y0[i] + vy[i] * t + 20 * r.nextGaussian(), 20));
                }
            }
            frames.add(new Frame(t1, 1, ds, noLook));
        }
        return frames;
    }

    /** Defaults for aircraft: a new track's velocity prior of 250 m/s and more manoeuvre noise. */
    private static TrackerConfiguration aircraft() {
        TrackerConfiguration d = TrackerConfiguration.defaults();
        return new TrackerConfiguration(20, d.detectionProbability(), d.clutterDensityPerSquareMetre(),
                d.birthDensityPerSquareMetre(), d.deathRatePerSecond(), 250, d.gateProbability(), d.maxGateRadiusMetres(),
                d.confirmExistence(), d.deleteExistence(), d.maxPositionSigmaMetres(), d.region(), "gnn", false, "ncv");
    }

    /**
     * Between sweeps a fast track's recorded position lags it by up to 600 m, so the grid must
     * widen its window by that. A local frame must touch exactly the tracks whose
     * constant-velocity position is within reach of one of its detections (and its births):
     * checked against brute force over every track, frame by frame.
     */
    @Test
    void aLocalScanTouchesExactlyTheTracksWithinReach() {
        TrackerConfiguration config = aircraft();
        // cells of 250 m (a window of 14 a side): a track found more than a cell beyond the
        // reach's square about its record is found only because the window is widened
        MultiTargetTracker local = config.build().localScans(config.maxGateRadiusMetres(), 1.0, 250);
        Counts counts = checkTouched(local, config.maxGateRadiusMetres(), 250, fastTargets(29, 150, 3_000, 1_200, 300, 600));
        assertThat(counts.checked).isGreaterThan(2_000);
        assertThat(counts.farFromRecord).as("tracks found only by the widened window").isGreaterThan(0);
        System.out.printf("local frames checked %d, tracks found only through the widened window %d%n", counts.checked,
                counts.farFromRecord);
    }

    /**
     * Clutter in a 4 km square, about ten false reports a second for 200 s, seen by a sensor of
     * detection probability 0.9 everywhere, and no sweep after the first frame: a tentative track
     * that a frame touches but does not update is missed, its existence falls tenfold below the
     * deletion threshold, and that local frame deletes it, hundreds of times. Every deletion
     * moves the slots behind it; the grid must keep finding exactly the right tracks, and the
     * list must stay in birth order.
     */
    @Test
    void deletionsInLocalFramesKeepTheGridRight() {
        Coverage everywhere = (px, py) -> 0.9;
        Random r = new Random(31);
        List<Frame> frames = new ArrayList<>();
        for (int step = 1; step <= 2_000; step++) {
            List<Detection> ds = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                ds.add(Detection.position(step * 0.1, 1, 4_000 * r.nextDouble(), 4_000 * r.nextDouble(), 20));
            }
            frames.add(new Frame(step * 0.1, 1, ds, everywhere));
        }
        TrackerConfiguration config = TrackerConfiguration.defaults().withParallel(false);
        MultiTargetTracker local = config.buildLocal(1_000);
        Counts counts = checkTouched(local, config.maxGateRadiusMetres(), 2 * config.maxGateRadiusMetres(), frames);
        assertThat(counts.checked).isGreaterThan(1_900);
        assertThat(counts.removed).as("tracks deleted by local frames").isGreaterThan(100);
        System.out.printf("local frames checked %d, tracks deleted by them %d%n", counts.checked, counts.removed);
    }

    private record Counts(long checked, long farFromRecord, long removed) {
    }

    /**
     * Feeds {@code frames} to {@code local} and checks each local frame's touched tracks against
     * brute force over every track (see above) and the list against birth (id) order.
     */
    private static Counts checkTouched(MultiTargetTracker local, double reach, double cellMetres,
                                       List<Frame> frames) {
        double reach2 = reach * reach;
        long checked = 0, farFromRecord = 0, removed = 0;
        for (Frame f : frames) {
            Set<Long> expected = new HashSet<>();
            for (Track track : local.tracks()) {
                GaussianState g = track.state().gaussian();
                double dt = f.timeSeconds() - g.timeSeconds();
                double x = g.xMetres() + g.vxMetresPerSecond() * dt, y = g.yMetres() + g.vyMetresPerSecond() * dt;
                boolean inReach = false, nearRecord = false;
                for (Detection d : f.detections()) {
                    double dx = d.xMetres() - x, dy = d.yMetres() - y;
                    if (dx * dx + dy * dy <= reach2) {
                        inReach = true;
                        double rx = d.xMetres() - g.xMetres(), ry = d.yMetres() - g.yMetres();
                        nearRecord |= Math.max(Math.abs(rx), Math.abs(ry)) <= reach + cellMetres + 10;
                    }
                }
                if (inReach) {
                    expected.add(track.id());
                    if (!nearRecord) {
                        farFromRecord++; // within reach now, over a cell outside the reach's square about its record
                    }
                }
            }
            long firstNewId = local.tracks().isEmpty() ? 0 : local.tracks().getLast().id() + 1;
            local.process(f);
            for (int i = 1; i < local.tracks().size(); i++) {
                assertThat(local.tracks().get(i).id()).isGreaterThan(local.tracks().get(i - 1).id());
            }
            for (Track gone : local.removed()) {
                assertThat(local.tracks()).doesNotContain(gone);
            }
            if (local.tracks().stream().allMatch(local::sweptLast) && !local.tracks().isEmpty()) {
                continue; // a full sweep: every track touched
            }
            Set<Long> touched = new HashSet<>();
            for (Track track : local.touched()) {
                if (track.id() < firstNewId && !local.sweptLast(track)) {
                    touched.add(track.id());
                }
            }
            for (Track gone : local.removed()) {
                expected.remove(gone.id());
            }
            for (Track track : local.tracks()) {
                if (local.sweptLast(track)) {
                    expected.remove(track.id()); // the rolling sweep's slice: touched whether near or not
                }
            }
            assertThat(touched).isEqualTo(expected);
            checked++;
            removed += local.removed().size();
        }
        return new Counts(checked, farFromRecord, removed);
    }

    /** Local scans of the same fast targets give exactly the tracks of full frames. */
    @Test
    void localScansOfFastTargetsMatchFullFrames() {
        List<Frame> frames = fastTargets(23, 150, 2_000, 3_000, 150, 300);
        int n = 150;
        TrackerConfiguration config = aircraft();
        MultiTargetTracker full = config.build();
        MultiTargetTracker local = config.buildLocal(1.0);
        for (Frame f : frames) {
            full.process(f);
            local.process(f);
        }
        assertThat(full.confirmedTracks()).hasSize(n);
        assertThat(local.tracks()).hasSameSizeAs(full.tracks());
        double t = frames.getLast().timeSeconds();
        KalmanPredictor predictor = new KalmanPredictor(new NearlyConstantVelocity(config.qMetres2PerSecond3()));
        for (int i = 0; i < full.tracks().size(); i++) {
            Track a = full.tracks().get(i), b = local.tracks().get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.hits()).isEqualTo(a.hits());
            GaussianState ga = predictor.predict(a.state(), t).gaussian(), gb = predictor.predict(b.state(), t).gaussian();
            assertThat(gb.xMetres()).isCloseTo(ga.xMetres(), within(1e-6));
            assertThat(gb.yMetres()).isCloseTo(ga.yMetres(), within(1e-6));
        }
    }
}
