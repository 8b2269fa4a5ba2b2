package org.vigil.track.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ejml.data.DMatrix4x4;
import org.vigil.track.MultiTargetTracker;
import org.vigil.track.Track;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.model.Frame;
import org.vigil.track.model.NearlyConstantVelocity3d;
import org.vigil.track.model.VerticalState;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;

/**
 * A tracker fed and read in WGS84: each report is taken into a {@link LocalTangentPlane}
 * (position to east-north, its covariance by {@code J C J^T} with {@code J} the local-to-plane
 * axes matrix, a range-rate's sensor position and velocity likewise), the planar
 * {@link MultiTargetTracker} runs there, and tracks come back as geodetic points at
 * {@code surfaceHeightMetres} with velocity and covariance in the local axes at the track
 * (by {@code J^-1}).
 *
 * <p>The plane is fixed at construction; with the orthographic scale error of
 * {@code 1 - cos(d / R)} (0.1 % at 300 km) one plane serves an area of a few hundred
 * kilometres; a wider theatre is split into several trackers. Reported heights are kept only as
 * far as they place the point: a ground tracker estimates no height.
 *
 * <p><b>Air tracks.</b> Built with {@link #air}, the tracker follows height too, under the 3D
 * nearly-constant-velocity model {@link NearlyConstantVelocity3d}: the planar tracker runs its
 * horizontal block, and each track carries a {@link VerticalState} ({@code [z, vz]}, ellipsoidal
 * height) updated with the height of the report that updated the track. Because the 3D model
 * and a report with independent horizontal and height errors are block-diagonal, this equals
 * the 6-state Kalman filter exactly (tested). Association and gating use the horizontal
 * position only; a report without a height leaves the vertical channel predicting.
 *
 * <p>Not thread-safe, like the tracker it wraps.
 */
public final class GeodeticTracker {

    private final LocalTangentPlane plane;
    private final MultiTargetTracker tracker;
    private final double surfaceHeightMetres;
    private final ReportProjection projection;
    private final NearlyConstantVelocity3d air;
    private final double heightVarianceM2;
    private final double vzSigmaMetresPerSecond;
    private final Map<Long, VerticalState> vertical = new HashMap<>();

    /**
     * @param plane               the tangent plane the tracker works in
     * @param tracker             a planar tracker (east = x, north = y, metres)
     * @param surfaceHeightMetres ellipsoidal height assumed for reports without one and for the tracks, m
     */
    public GeodeticTracker(LocalTangentPlane plane, MultiTargetTracker tracker, double surfaceHeightMetres) {
        this(plane, tracker, surfaceHeightMetres, null, 1, 1);
    }

    private GeodeticTracker(LocalTangentPlane plane, MultiTargetTracker tracker, double surfaceHeightMetres,
                            NearlyConstantVelocity3d air, double heightSigmaMetres, double vzSigmaMetresPerSecond) {
        this.plane = plane;
        this.tracker = tracker;
        this.surfaceHeightMetres = surfaceHeightMetres;
        this.projection = new ReportProjection(plane, surfaceHeightMetres);
        this.air = air;
        this.heightVarianceM2 = heightSigmaMetres * heightSigmaMetres;
        this.vzSigmaMetresPerSecond = vzSigmaMetresPerSecond;
    }

    /**
     * An air tracker: {@code configuration}'s planar tracker with the horizontal {@code q} of
     * {@code model}, plus a vertical channel per track under {@code model}'s vertical {@code q}.
     *
     * @param plane                   the tangent plane the tracker works in
     * @param configuration           the planar tracker's other parameters
     * @param model                   the 3D NCV model
     * @param surfaceHeightMetres     height assumed for reports without one (and tracks with no height yet), m
     * @param heightSigmaMetres       std of a reported height, m
     * @param vzSigmaMetresPerSecond  prior std of a new track's vertical speed, m/s
     */
    public static GeodeticTracker air(LocalTangentPlane plane, TrackerConfiguration configuration,
                                      NearlyConstantVelocity3d model, double surfaceHeightMetres,
                                      double heightSigmaMetres, double vzSigmaMetresPerSecond) {
        if (!(heightSigmaMetres > 0) || !(vzSigmaMetresPerSecond > 0)) {
            throw new IllegalArgumentException("height and vertical speed sigmas must be positive");
        }
        MultiTargetTracker planar = configuration.withQ(model.qHorizontalMetres2PerSecond3()).build();
        return new GeodeticTracker(plane, planar, surfaceHeightMetres, model, heightSigmaMetres, vzSigmaMetresPerSecond);
    }

    /** Whether this tracker follows height (built with {@link #air}). */
    public boolean tracksHeight() {
        return air != null;
    }

    public LocalTangentPlane plane() {
        return plane;
    }

    /** The planar tracker inside. */
    public MultiTargetTracker planar() {
        return tracker;
    }

    /** Processes one sensor's scan; false when it is out of sequence (see {@link MultiTargetTracker#process}). */
    public boolean process(GeodeticFrame frame) {
        Frame planar = projection.toPlane(frame);
        if (!tracker.process(planar)) {
            return false;
        }
        if (air != null) {
            updateVertical(frame, planar);
        }
        return true;
    }

    private void updateVertical(GeodeticFrame frame, Frame planar) {
        Map<Detection, Double> heights = new IdentityHashMap<>();
        List<GeodeticDetection> reports = frame.detections();
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).heightMetres().isPresent()) {
                heights.put(planar.detections().get(i), reports.get(i).heightMetres().getAsDouble());
            }
        }
        Set<Long> live = new HashSet<>();
        for (Track t : tracker.tracks()) {
            live.add(t.id());
            Double h = t.lastDetection() == null || t.lastUpdateSeconds() != frame.timeSeconds()
                    ? null : heights.get(t.lastDetection());
            if (h == null) {
                continue;
            }
            VerticalState prior = vertical.get(t.id());
            vertical.put(t.id(), prior == null
                    ? VerticalState.fromHeight(frame.timeSeconds(), h, heightVarianceM2, vzSigmaMetresPerSecond)
                    : air.updateVertical(air.predictVertical(prior, frame.timeSeconds()), h, heightVarianceM2));
        }
        vertical.keySet().retainAll(live);
    }

    /** The track's vertical state at the track's time, when this is an air tracker and a report gave it a height. */
    public Optional<VerticalState> verticalState(Track track) {
        if (air == null) {
            return Optional.empty(); // a ground tracker: no map probe (and no boxed id) per track
        }
        VerticalState v = vertical.get(track.id());
        return v == null ? Optional.empty() : Optional.of(air.predictVertical(v, track.state().timeSeconds()));
    }

    /** Processes one sensor's scan given as its parts. */
    public boolean process(double timeSeconds, int sensorId, List<GeodeticDetection> detections) {
        return process(new GeodeticFrame(timeSeconds, sensorId, detections));
    }

    /** The report in the plane. */
    public Detection toPlane(GeodeticDetection d) {
        return projection.toPlane(d);
    }

    /** A planar track as a WGS84 track. */
    public GeodeticTrack toGeodetic(Track track) {
        GaussianState g = track.state().gaussian();
        double height = verticalState(track).map(VerticalState::zMetres).orElse(surfaceHeightMetres);
        GeodeticPosition p = plane.positionAtHeight(g.xMetres(), g.yMetres(), height);
        double[] inv = ReportProjection.inverse(plane.localToPlane(p));
        double[] v = ReportProjection.times(inv, g.vxMetresPerSecond(), g.vyMetresPerSecond());
        DMatrix4x4 pc = g.covariance();
        double[] c = ReportProjection.congruence(inv, pc.a11, pc.a13, pc.a33);
        return new GeodeticTrack(track.id(), g.timeSeconds(), p.latitudeDeg(), p.longitudeDeg(), p.heightMetres(),
                v[0], v[1], c[0], c[1], c[2],
                track.existence(), track.confirmed());
    }

    /** The confirmed tracks, in WGS84. */
    public List<GeodeticTrack> confirmedTracks() {
        List<GeodeticTrack> out = new ArrayList<>();
        for (Track t : tracker.confirmedTracks()) {
            out.add(toGeodetic(t));
        }
        return out;
    }

    /** All live tracks, tentative ones included, in WGS84. */
    public List<GeodeticTrack> tracks() {
        List<GeodeticTrack> out = new ArrayList<>();
        for (Track t : tracker.tracks()) {
            out.add(toGeodetic(t));
        }
        return out;
    }
}
