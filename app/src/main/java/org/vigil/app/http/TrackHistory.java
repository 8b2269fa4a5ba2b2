package org.vigil.app.http;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.vigil.watch.Alert;
import org.vigil.watch.LiveListener;
import org.vigil.watch.TrackView;

/**
 * Past track states for the web UI's time slider ({@code GET /api/tracks/history}): every state
 * the pipeline publishes (at most one per track per second), kept in memory since the server
 * started, oldest dropped first past {@link #CAPACITY} states (about 70 MB at most). A restart
 * starts it afresh; the tracks themselves come back from the journal.
 */
public final class TrackHistory implements LiveListener {

    /** States kept: 5,000 tracks for about 100 s, or 200 tracks for over 40 minutes. */
    public static final int CAPACITY = 500_000;

    private final ArrayDeque<TrackView> states = new ArrayDeque<>();

    /** States with {@code from <= updated <= to}, oldest first, at most {@code limit}; {@code truncated} when more matched. */
    public record Slice(List<TrackView> states, boolean truncated) {
    }

    @Override
    public synchronized void trackChanged(TrackView track) {
        if (states.size() >= CAPACITY) {
            states.removeFirst();
        }
        states.addLast(track);
    }

    @Override
    public void trackDeleted(String trackId) {
        // a deleted track's past states stay part of the history
    }

    @Override
    public void alertChanged(Alert alert) {
        // alerts have their own endpoint
    }

    public synchronized Slice between(Instant from, Instant to, int limit) {
        List<TrackView> out = new ArrayList<>();
        boolean truncated = false;
        for (Iterator<TrackView> it = states.iterator(); it.hasNext(); ) {
            TrackView t = it.next();
            Instant u = t.updated();
            if (u != null && !u.isBefore(from) && !u.isAfter(to)) {
                if (out.size() == limit) {
                    truncated = true;
                    break;
                }
                out.add(t);
            }
        }
        // states arrive in publication order, which is time order per track but not across tracks
        out.sort(java.util.Comparator.comparing(TrackView::updated));
        return new Slice(out, truncated);
    }
}
