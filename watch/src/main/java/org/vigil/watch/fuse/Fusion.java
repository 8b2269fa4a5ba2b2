package org.vigil.watch.fuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.vigil.track.MultiTargetTracker;
import org.vigil.track.Track;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.geo.GeodeticDetection;
import org.vigil.track.geo.GeodeticTrack;
import org.vigil.track.geo.GeodeticTracker;
import org.vigil.track.geo.LocalTangentPlane;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;
import org.vigil.watch.cot.CotReports.Provenance;

/**
 * The tracker as the live pipeline runs it: asynchronous reports from many sensors, batched
 * into scans, fused by the {@code track} module's {@link GeodeticTracker} (each report with its
 * own sensor's one-sigma error as its covariance), with ids that survive a restart.
 *
 * <h2>Scans</h2>
 * The pipeline hands over whatever reports are journaled since its last call (a batch). The
 * batch is sorted by observation time and cut into scans no longer than {@code scanSpan} of
 * observation time; one scan is one tracker frame at the time of its newest report (reports of
 * several sensors share it: one frame per sensor would cost a prediction of every track per
 * report). At a 50 ms span a target at 30 m/s moves at most 1.5 m within a scan, well under
 * any sensor's error.
 *
 * <h2>Late (out-of-sequence) reports</h2>
 * The tracker never retrodicts (see {@link MultiTargetTracker}): a scan older than its last
 * one is refused. A report older than the tracker's time by at most {@code maxLag} is fused at
 * the tracker's time (the error that adds is at most {@code maxLag} times the target's speed);
 * an older one is counted as late and not fused. It stays in the journal.
 *
 * <h2>Missed detections</h2>
 * Reports carry no sensor footprint, and sensors report asynchronously (a sensor watching many
 * targets reports them one after another, across many scans), so a scan without a report of a
 * track is no evidence that the track was missed: scans are given a footprint of detection
 * probability zero, and a track is neither updated nor missed by a scan without its report. A
 * track ends by coasting: when its position uncertainty outgrows the configuration's limit
 * (500 m with the defaults) or its existence decays with the death rate - about two minutes of
 * silence. (Counting neighbouring detections as looks made every track watched by a sensor
 * with nearby targets die and restart: four misses between two of its reports take a confirmed
 * track's existence from 0.99 under 0.01.)
 *
 * <h2>Track ids</h2>
 * A track's id is {@code T} and the journal id of the report that started it. Replaying the journal after a
 * restart starts the same tracks from the same reports, so the ids come back; they never
 * collide, since a report starts at most one track.
 *
 * <p>Which report updated a track (its provenance: the latency echo and {@code lastJournalId})
 * is the detection of the scan nearest to the updated estimate, which under global nearest
 * neighbour association is the one assigned to it.
 *
 * <p>Not thread-safe: one thread (the pipeline's tracker thread) owns it.
 */
public final class Fusion {

    /** A journaled report on its way to the tracker; {@code acceptedNanos} is {@link System#nanoTime()} at ingest. */
    public record Input(long journalId, Report report, long acceptedNanos) {
    }

    /**
     * A confirmed track after a scan.
     *
     * @param view          what the API and clients see
     * @param provenance    the report that last updated it
     * @param acceptedNanos when that report was accepted ({@link System#nanoTime()}), 0 when replayed
     */
    public record TrackState(TrackView view, Provenance provenance, long acceptedNanos) {
        public String id() {
            return view.id();
        }
    }

    /**
     * What one scan changed.
     *
     * @param changed confirmed tracks updated by a report in this scan (or newly confirmed)
     * @param deleted tracks that left the picture (deleted, or no longer confirmed), last state
     * @param fused   reports fed to the tracker
     * @param late    reports too late to fuse
     */
    public record Outcome(List<TrackState> changed, List<TrackView> deleted, int fused, int late) {
    }

    private static final class Info {
        final String publicId;
        int hits;
        String kind = "unknown";
        Provenance provenance;
        long acceptedNanos;
        boolean published;
        TrackView lastView;

        Info(String publicId) {
            this.publicId = publicId;
        }
    }

    private final GeodeticTracker tracker;
    private final Instant epoch;
    private final double scanSpanSeconds;
    private final double maxLagSeconds;
    private final double attributionRadiusMetres;
    /**
     * Frame time in which the tracker's rolling sweep predicts, confirms or deletes every track
     * (a share of them with each scan); otherwise a scan touches only the tracks near its
     * reports, so its cost grows with its reports, not with the picture (see {@link MultiTargetTracker}).
     */
    static final double SWEEP_SECONDS = 1.0;
    /** The footprint of every scan: no track counts as looked at and missed (see the class comment). */
    private static final org.vigil.track.model.Coverage NO_LOOK = (x, y) -> 0;
    /** Per live track (by identity: the tracker keeps the same object for a track's life, and no id boxing per scan). */
    private final Map<Track, Info> infos = new java.util.IdentityHashMap<>();
    private final Map<String, Integer> sensorIds = new HashMap<>();
    private long lateTotal;
    private long scans;

    /**
     * @param configuration   the tracker's parameters
     * @param plane           the tangent plane the tracker works in (centre of the theatre)
     * @param surfaceHeightM  ellipsoidal height assumed for reports without one, m
     * @param scanSpan        the longest stretch of observation time fused as one scan
     * @param maxLag          how far behind the tracker a report may be and still be fused
     * @param attributionRadiusM how far from a track's updated estimate the report that updated it is looked for, m
     * @param epoch           time zero of the tracker's clock (any instant before the reports)
     */
    public Fusion(TrackerConfiguration configuration, LocalTangentPlane plane, double surfaceHeightM, Duration scanSpan,
                  Duration maxLag, double attributionRadiusM, Instant epoch) {
        this.tracker = new GeodeticTracker(plane, configuration.buildLocal(SWEEP_SECONDS), surfaceHeightM);
        this.epoch = epoch;
        this.scanSpanSeconds = scanSpan.toNanos() / 1e9;
        this.maxLagSeconds = maxLag.toNanos() / 1e9;
        this.attributionRadiusMetres = attributionRadiusM;
    }

    private double seconds(Instant t) {
        return (t.getEpochSecond() - epoch.getEpochSecond()) + (t.getNano() - epoch.getNano()) / 1e9;
    }

    private Instant instant(double seconds) {
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        return epoch.plusSeconds(whole).plusNanos(nanos);
    }

    /**
     * Fuses a batch of journaled reports (any order); returns what each scan changed, in time
     * order (the rules look at every scan, so a long batch does not hide a crossing inside it).
     * Reports too late to fuse are counted in the first outcome.
     */
    public List<Outcome> process(List<Input> batch) {
        List<Input> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparing((Input i) -> i.report().time()).thenComparingLong(Input::journalId));
        List<Outcome> out = new ArrayList<>();
        int late = 0;
        List<Input> scan = new ArrayList<>();
        double scanStart = Double.NaN;
        for (Input in : sorted) {
            double t = seconds(in.report().time());
            if (t < tracker.planar().timeSeconds() - maxLagSeconds) {
                late++;
                continue;
            }
            if (!scan.isEmpty() && t - scanStart > scanSpanSeconds) {
                out.add(runScan(scan));
                scan.clear();
            }
            if (scan.isEmpty()) {
                scanStart = t;
            }
            scan.add(in);
        }
        if (!scan.isEmpty()) {
            out.add(runScan(scan));
        }
        lateTotal += late;
        if (late > 0) {
            if (out.isEmpty()) {
                out.add(new Outcome(List.of(), List.of(), 0, late));
            } else {
                Outcome o = out.getFirst();
                out.set(0, new Outcome(o.changed(), o.deleted(), o.fused(), late));
            }
        }
        return out;
    }

    private Outcome runScan(List<Input> scan) {
        Map<String, TrackState> changed = new HashMap<>();
        List<TrackView> deleted = new ArrayList<>();
        int fused = runScan(scan, changed, deleted);
        for (TrackView d : deleted) {
            changed.remove(d.id());
        }
        return new Outcome(new ArrayList<>(changed.values()), deleted, fused, 0);
    }

    private int runScan(List<Input> scan, Map<String, TrackState> changed, List<TrackView> deleted) {
        MultiTargetTracker planar = tracker.planar();
        double frameTime = Math.max(planar.timeSeconds(), seconds(scan.getLast().report().time()));
        List<Detection> detections = new ArrayList<>(scan.size());
        for (Input in : scan) {
            Report r = in.report();
            double v = r.sigmaM() * r.sigmaM();
            OptionalDouble h = Double.isNaN(r.heightM()) ? OptionalDouble.empty() : OptionalDouble.of(r.heightM());
            detections.add(tracker.toPlane(new GeodeticDetection(frameTime, sensorId(r.sensor()), r.latDeg(), r.lonDeg(), h,
                    v, 0, v, null)));
        }
        DetectionGrid2d grid = new DetectionGrid2d(detections, attributionRadiusMetres);
        Frame frame = new Frame(frameTime, 0, detections, NO_LOOK);
        if (!planar.process(frame)) {
            return 0;
        }
        scans++;
        for (Track track : planar.touched()) {
            Info info = infos.get(track);
            var g = track.state().gaussian();
            boolean updated;
            if (info == null) {
                int j = grid.nearest(g.xMetres(), g.yMetres());
                Input birth = scan.get(Math.max(0, j));
                info = new Info("T" + birth.journalId());
                infos.put(track, info);
                attribute(info, birth);
                updated = true;
            } else {
                updated = track.hits() > info.hits;
                if (updated) {
                    int j = grid.nearest(g.xMetres(), g.yMetres());
                    if (j >= 0) {
                        attribute(info, scan.get(j));
                    }
                }
            }
            info.hits = track.hits();
            if (track.confirmed()) {
                if (updated || !info.published) {
                    TrackView view = view(track, info);
                    info.lastView = view;
                    info.published = true;
                    changed.put(view.id(), new TrackState(view, info.provenance, info.acceptedNanos));
                }
            } else if (info.published) {
                info.published = false;
                changed.remove(info.publicId);
                deleted.add(info.lastView);
            }
        }
        for (Track gone : planar.removed()) {
            Info info = infos.remove(gone);
            if (info != null && info.published) {
                changed.remove(info.publicId);
                deleted.add(info.lastView);
            }
        }
        return scan.size();
    }

    private static void attribute(Info info, Input in) {
        Report r = in.report();
        info.provenance = new Provenance(in.journalId(), r.uid(), r.time(), r.sensor());
        info.acceptedNanos = in.acceptedNanos();
        if (!r.kind().equals("unknown")) {
            info.kind = r.kind();
        }
    }

    private TrackView view(Track track, Info info) {
        GeodeticTrack g = tracker.toGeodetic(track);
        double sigma = Math.sqrt(Math.max(0, (g.eastVarianceM2() + g.northVarianceM2()) / 2));
        return new TrackView(info.publicId, g.latitudeDeg(), g.longitudeDeg(), g.speedMetresPerSecond(), g.courseDeg(),
                sigma, instant(track.lastUpdateSeconds()), info.kind);
    }

    private int sensorId(String sensor) {
        return sensorIds.computeIfAbsent(sensor, s -> sensorIds.size() + 1);
    }

    /** The confirmed tracks as last published. */
    public List<TrackView> picture() {
        List<TrackView> out = new ArrayList<>();
        for (Info i : infos.values()) {
            if (i.published && i.lastView != null) {
                out.add(i.lastView);
            }
        }
        return out;
    }

    /** Every live track, tentative ones included. */
    public int liveTracks() {
        return infos.size();
    }

    /** The tracker's time: that of its last scan. */
    public Instant time() {
        double t = tracker.planar().timeSeconds();
        return Double.isInfinite(t) ? epoch : instant(t);
    }

    /** Reports counted as too late to fuse, since start. */
    public long lateReports() {
        return lateTotal;
    }

    /** Scans processed since start. */
    public long scans() {
        return scans;
    }

    /** Confirmed tracks by id. */
    public Collection<TrackView> confirmed() {
        return picture();
    }
}
