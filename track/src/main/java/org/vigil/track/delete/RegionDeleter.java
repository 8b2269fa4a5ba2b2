package org.vigil.track.delete;

import org.vigil.track.Track;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.Region;

/**
 * Deletes a track whose estimated position has left the surveillance region: no sensor looks
 * there, so the track could only coast.
 *
 * @param region the surveillance region
 */
public record RegionDeleter(Region region) implements Deleter {

    @Override
    public boolean delete(Track track) {
        GaussianState g = track.state().gaussian();
        return !region.contains(g.xMetres(), g.yMetres());
    }
}
