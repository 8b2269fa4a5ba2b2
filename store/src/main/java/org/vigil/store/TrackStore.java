package org.vigil.store;

import java.util.Collection;
import java.util.List;

/** The latest state of each track, written by the watch pipeline in batches. */
public interface TrackStore {

    /** Inserts or replaces these tracks and deletes the ones named in {@code deletedIds}, in one transaction. */
    void update(Collection<StoredTrack> changed, Collection<String> deletedIds);

    List<StoredTrack> all();
}
