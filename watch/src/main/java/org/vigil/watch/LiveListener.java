package org.vigil.watch;

/** Told of every change to the live picture, on the pipeline's thread: return quickly. */
public interface LiveListener {

    void trackChanged(TrackView track);

    void trackDeleted(String trackId);

    /** A new alert, or a change to one (acknowledged, closed). */
    void alertChanged(Alert alert);
}
