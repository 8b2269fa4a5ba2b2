package org.vigil.track.geo;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrix4x4;
import org.vigil.track.MultiTargetTracker;
import org.vigil.track.Track;
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
 * <p>Not thread-safe, like the tracker it wraps.
 */
public final class GeodeticTracker {

    private final LocalTangentPlane plane;
    private final MultiTargetTracker tracker;
    private final double surfaceHeightMetres;
    private final ReportProjection projection;

    /**
     * @param plane               the tangent plane the tracker works in
     * @param tracker             a planar tracker (east = x, north = y, metres)
     * @param surfaceHeightMetres ellipsoidal height assumed for reports without one and for the tracks, m
     */
    public GeodeticTracker(LocalTangentPlane plane, MultiTargetTracker tracker, double surfaceHeightMetres) {
        this.plane = plane;
        this.tracker = tracker;
        this.surfaceHeightMetres = surfaceHeightMetres;
        this.projection = new ReportProjection(plane, surfaceHeightMetres);
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
        return tracker.process(projection.toPlane(frame));
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
        double[] p = plane.geodeticAtHeight(g.xMetres(), g.yMetres(), surfaceHeightMetres);
        double[] inv = ReportProjection.inverse(plane.localToPlane(p[0], p[1]));
        double[] v = ReportProjection.times(inv, g.vxMetresPerSecond(), g.vyMetresPerSecond());
        DMatrix4x4 pc = g.covariance();
        double[] c = ReportProjection.congruence(inv, pc.a11, pc.a13, pc.a33);
        return new GeodeticTrack(track.id(), g.timeSeconds(), p[0], p[1], p[2], v[0], v[1], c[0], c[1], c[2],
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
