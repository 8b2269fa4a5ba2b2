package org.vigil.sim;

import java.util.List;
import org.vigil.track.geo.GeodeticFrame;

/**
 * One scan of a simulation in WGS84: the true targets and the sensors' reports.
 *
 * @param index        scan number k
 * @param timeSeconds  scan time k dt, s
 * @param ids          target ids
 * @param latitudeDeg  target geodetic latitudes, degrees
 * @param longitudeDeg target longitudes, degrees
 * @param frames       the sensors' frames at this time
 */
public record GeodeticScan(int index, double timeSeconds, long[] ids, double[] latitudeDeg, double[] longitudeDeg,
                           List<GeodeticFrame> frames) {

    /** Reports in the scan. */
    public int detectionCount() {
        return frames.stream().mapToInt(f -> f.detections().size()).sum();
    }
}
