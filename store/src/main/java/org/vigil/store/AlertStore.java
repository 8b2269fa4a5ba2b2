package org.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alerts raised by the watch pipeline. */
public interface AlertStore {

    /**
     * Stores a new open alert unless one with the same {@code key} is already open; returns
     * the new alert, or empty when the condition already has an open alert.
     */
    Optional<StoredAlert> raise(String rule, String key, String siteId, String trackId, Instant time, String detailJson);

    /** Marks the alert acknowledged; false when no alert has that id. */
    boolean acknowledge(long id);

    /** Closes the open alert of that key (the condition has cleared); false if none was open. */
    boolean close(String key);

    Optional<StoredAlert> get(long id);

    /** Every alert, newest first, at most {@code limit}. */
    List<StoredAlert> recent(int limit);

    List<StoredAlert> open();
}
