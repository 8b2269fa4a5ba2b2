package org.vigil.track;

import org.vigil.track.model.Detection;
import org.vigil.track.model.StateEstimate;

/**
 * One track: a stable id, the current state estimate, the probability that its target exists,
 * and the detection history that the confirmation and deletion rules read.
 *
 * <p>Owned and changed only by {@link MultiTargetTracker}; other code reads it.
 */
public final class Track {

    private final long id;
    private StateEstimate state;
    private double existence;
    private long hitHistory;
    private int frames;
    private int hits;
    private int consecutiveMisses;
    private boolean confirmed;
    private double lastUpdateSeconds;
    private Detection lastDetection;
    /**
     * This track's entry in its tracker's local-scan tables, stable for the track's life (its
     * index in the list changes when tracks before it are deleted); -1 without local scans.
     */
    int handle = -1;

    Track(long id, StateEstimate state, double existence) {
        this.id = id;
        this.state = state;
        this.existence = existence;
        this.hitHistory = 1;
        this.frames = 1;
        this.hits = 1;
        this.lastUpdateSeconds = state.timeSeconds();
    }

    /** Stable track id, unique within one tracker. */
    public long id() {
        return id;
    }

    /** Current estimate (predicted when the last frame missed the track). */
    public StateEstimate state() {
        return state;
    }

    /** Probability that the target exists, 0..1. */
    public double existence() {
        return existence;
    }

    /** Bit k set when the k-th most recent frame (0 = latest) updated this track. */
    public long hitHistory() {
        return hitHistory;
    }

    /** Frames seen since the track started, the first included. */
    public int frames() {
        return frames;
    }

    /** Frames that updated the track. */
    public int hits() {
        return hits;
    }

    /** Frames since the last update. */
    public int consecutiveMisses() {
        return consecutiveMisses;
    }

    /** Whether the confirmation rule accepted the track at the last frame. */
    public boolean confirmed() {
        return confirmed;
    }

    /** Time of the last update by a detection, s. */
    public double lastUpdateSeconds() {
        return lastUpdateSeconds;
    }

    void predicted(StateEstimate predicted, double existenceNow) {
        this.state = predicted;
        this.existence = existenceNow;
    }

    /**
     * The detection of the last hard (single-detection) update, or {@code null} after a
     * probabilistic (mixture) update; lets a wrapper carry state the planar filter does not
     * hold, such as the vertical channel of an air track.
     */
    public Detection lastDetection() {
        return lastDetection;
    }

    void updated(StateEstimate posterior, double existenceNow, Detection detection) {
        updated(posterior, existenceNow);
        this.lastDetection = detection;
    }

    void updated(StateEstimate posterior, double existenceNow) {
        this.lastDetection = null;
        this.state = posterior;
        this.existence = existenceNow;
        this.hitHistory = (hitHistory << 1) | 1;
        this.frames++;
        this.hits++;
        this.consecutiveMisses = 0;
        this.lastUpdateSeconds = posterior.timeSeconds();
    }

    void missed(double existenceNow) {
        this.existence = existenceNow;
        this.hitHistory <<= 1;
        this.frames++;
        this.consecutiveMisses++;
    }

    void confirmed(boolean value) {
        this.confirmed = value;
    }

    @Override
    public String toString() {
        var g = state.gaussian();
        return String.format(java.util.Locale.ROOT, "Track[%d at (%.1f, %.1f) r=%.3f%s]", id, g.xMetres(), g.yMetres(),
                existence, confirmed ? " confirmed" : "");
    }
}
