package org.vigil.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.store.AlertStore;
import org.vigil.store.StoredAlert;
import org.vigil.watch.rules.Condition;
import org.vigil.watch.rules.ConditionSink;

/**
 * Turns the rules' conditions into alerts, one per condition key while it is open: a key that
 * starts to hold raises an alert in the {@link AlertStore} (whose key de-duplication is the
 * guarantee across restarts), a key that clears closes it.
 *
 * <p>While the journal is replayed at start the book only tracks which conditions hold; at
 * {@link #goLive} it reconciles with the store: a condition holding without an open alert
 * raises one, an open alert whose condition no longer holds is closed, and an open alert whose
 * condition still holds stays as it is (no duplicate, its acknowledgement kept).
 *
 * <p>Used by the tracker thread only.
 */
final class AlertBook implements ConditionSink {

    /** Told of each new or changed alert, with the point it is about and its key. */
    interface Emitter {
        void alertChanged(Alert alert, String key, double latDeg, double lonDeg);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertStore store;
    private final Emitter emitter;
    private final Map<String, Condition> holding = new HashMap<>();
    private final Map<String, Long> openIds = new HashMap<>();
    private boolean live;
    private long raised;

    AlertBook(AlertStore store, Emitter emitter) {
        this.store = store;
        this.emitter = emitter;
    }

    @Override
    public void hold(Condition c) {
        if (holding.putIfAbsent(c.key(), c) == null && live) {
            raise(c);
        }
    }

    @Override
    public void clear(String key) {
        Condition c = holding.remove(key);
        if (c != null && live) {
            close(key, c.latDeg(), c.lonDeg());
        }
    }

    /**
     * Ends replay: reconciles the conditions that hold with the store's open alerts; from now on
     * alerts are raised and closed. An open alert that {@code beyondReplay} says the replay could
     * not have re-derived (its track started before the replayed stretch of the journal) stays
     * open as it is.
     */
    void goLive(java.util.function.Predicate<StoredAlert> beyondReplay) {
        Set<String> open = new HashSet<>();
        for (StoredAlert a : store.open()) {
            open.add(a.key());
            openIds.put(a.key(), a.id());
            if (!holding.containsKey(a.key()) && !beyondReplay.test(a)) {
                double[] p = position(a.detailJson());
                close(a.key(), p[0], p[1]);
            }
        }
        for (Condition c : holding.values()) {
            if (!open.contains(c.key())) {
                raise(c);
            }
        }
        live = true;
    }

    private void raise(Condition c) {
        ObjectNode d = JSON.createObjectNode();
        d.put("message", c.message());
        d.put("lat", c.latDeg());
        d.put("lon", c.lonDeg());
        Optional<StoredAlert> s = store.raise(c.rule(), c.key(), c.siteId(), c.trackId(), c.time(), d.toString());
        if (s.isPresent()) {
            raised++;
            openIds.put(c.key(), s.get().id());
            emitter.alertChanged(toAlert(s.get()), c.key(), c.latDeg(), c.lonDeg());
        }
    }

    private void close(String key, double lat, double lon) {
        Long id = openIds.remove(key);
        if (store.close(key) && id != null) {
            store.get(id).ifPresent(a -> emitter.alertChanged(toAlert(a), key, lat, lon));
        }
    }

    /** Conditions holding now. */
    int holding() {
        return holding.size();
    }

    /** Alerts raised since start. */
    long raised() {
        return raised;
    }

    /** An alert as the API shows it. */
    static Alert toAlert(StoredAlert a) {
        return new Alert(a.id(), a.rule(), a.siteId(), a.trackId(), a.time(), a.acknowledged(), a.open(),
                message(a.detailJson()));
    }

    static String message(String detailJson) {
        JsonNode n = parse(detailJson);
        return n != null && n.hasNonNull("message") ? n.get("message").asText() : null;
    }

    /** The alert's point, [lat, lon], from its detail; [0, 0] when it has none. */
    static double[] position(String detailJson) {
        JsonNode n = parse(detailJson);
        if (n == null || !n.hasNonNull("lat") || !n.hasNonNull("lon")) {
            return new double[] {0, 0};
        }
        return new double[] {n.get("lat").asDouble(), n.get("lon").asDouble()};
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
