package org.vigil.app.http;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.vigil.theatre.Theatre;
import org.vigil.watch.Alert;
import org.vigil.watch.LivePicture;
import org.vigil.watch.TrackView;

/**
 * Where to draw an alert: its site's position when it names a theatre site, else its track's
 * current position, else nowhere (null). One {@link #forBatch()} reads the tracks at most once.
 */
final class AlertPlaces {

    private final Theatre theatre;
    private final LivePicture live;

    AlertPlaces(Theatre theatre, LivePicture live) {
        this.theatre = theatre;
        this.live = live;
    }

    Function<Alert, double[]> forBatch() {
        Map<String, TrackView>[] tracks = new Map[1];
        return a -> {
            if (a.siteId() != null) {
                var site = theatre.site(a.siteId());
                if (site.isPresent()) {
                    return new double[] {site.get().location().latitudeDeg(), site.get().location().longitudeDeg()};
                }
            }
            if (a.trackId() == null) {
                return null;
            }
            if (tracks[0] == null) {
                tracks[0] = new HashMap<>();
                live.tracks().forEach(t -> tracks[0].put(t.id(), t));
            }
            TrackView t = tracks[0].get(a.trackId());
            return t == null || !Double.isFinite(t.latDeg()) ? null : new double[] {t.latDeg(), t.lonDeg()};
        };
    }
}
