package org.vigil.track.delete;

import java.util.List;
import org.vigil.track.Track;

/**
 * Deletes a track when any of its deleters would.
 *
 * @param deleters the rules, tried in order
 */
public record AnyDeleter(List<Deleter> deleters) implements Deleter {

    public AnyDeleter {
        deleters = List.copyOf(deleters);
    }

    /** The rules given. */
    public static AnyDeleter of(Deleter... deleters) {
        return new AnyDeleter(List.of(deleters));
    }

    @Override
    public boolean delete(Track track) {
        for (Deleter d : deleters) {
            if (d.delete(track)) {
                return true;
            }
        }
        return false;
    }
}
