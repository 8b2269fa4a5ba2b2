package org.vigil.track;

import java.util.ArrayList;
import java.util.List;
import org.vigil.track.io.Scan;
import org.vigil.track.io.Scenario;
import org.vigil.track.io.TrackWriter;
import org.vigil.track.metric.PlanarPoints;
import org.vigil.track.metric.ScenarioScore;
import org.vigil.track.model.Frame;
import org.vigil.track.model.GaussianState;

/**
 * Runs a tracker over a whole scenario, scan by scan, and collects the confirmed tracks at every
 * scan (what the track file holds) and the time spent in the tracking loop alone.
 *
 * @param tracks             per scan, the reported track positions, m
 * @param rows               the track-file rows, in order
 * @param detections         detections processed
 * @param loopSeconds        wall time of the tracking loop (frames in, tracks out), s
 * @param distinctTrackIds   number of distinct confirmed track ids reported
 * @param loopCpuSeconds     CPU time of the thread that ran the loop, s (excludes time spent waiting for a
 *                           core on a busy machine, and work on other threads for very large frames)
 */
public record ScenarioRun(List<PlanarPoints> tracks, List<Row> rows, long detections, double loopSeconds,
                          long distinctTrackIds, double loopCpuSeconds) {

    /** One track-file row. */
    public record Row(double timeSeconds, long trackId, double xMetres, double yMetres) {
    }

    /** Runs {@code tracker} over every scan of {@code scenario}. */
    public static ScenarioRun of(Scenario scenario, MultiTargetTracker tracker) {
        List<PlanarPoints> perScan = new ArrayList<>(scenario.scans().size());
        List<Row> rows = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        long detections = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (Scan scan : scenario.scans()) {
            for (Frame f : scan.frames()) {
                tracker.process(f);
                detections += f.detections().size();
            }
            List<Track> confirmed = tracker.confirmedTracks();
            double[] x = new double[confirmed.size()];
            double[] y = new double[confirmed.size()];
            for (int i = 0; i < confirmed.size(); i++) {
                Track t = confirmed.get(i);
                GaussianState g = t.state().gaussian();
                x[i] = g.xMetres();
                y[i] = g.yMetres();
                rows.add(new Row(scan.timeSeconds(), t.id(), x[i], y[i]));
                ids.add(t.id());
            }
            perScan.add(new PlanarPoints(x, y));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        return new ScenarioRun(perScan, rows, detections, seconds, ids.size(), cpu);
    }

    /** Detections per second of the tracking loop. */
    public double detectionsPerSecond() {
        return detections / Math.max(loopSeconds, 1e-9);
    }

    /** Scores the run against the scenario's truth (c = 100 m, p = 1 as FORMAT.md unless given). */
    public ScenarioScore score(Scenario scenario, double cutoffMetres, double order) {
        List<PlanarPoints> truth = scenario.scans().stream().map(Scan::truth).toList();
        return ScenarioScore.of(truth, tracks, cutoffMetres, order);
    }

    /** Writes the track file. */
    public void write(java.nio.file.Path path) {
        write(path, null);
    }

    /** Writes the track file in the plane and units of {@code scenario} (latitude and longitude for a WGS84 one). */
    public void write(java.nio.file.Path path, Scenario scenario) {
        try (TrackWriter w = new TrackWriter(path, scenario == null ? null : scenario.tangentPlane().orElse(null))) {
            for (Row r : rows) {
                w.write(r.timeSeconds(), r.trackId(), r.xMetres(), r.yMetres());
            }
        }
    }
}
