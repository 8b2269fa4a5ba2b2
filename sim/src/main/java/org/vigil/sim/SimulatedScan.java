package org.vigil.sim;

import java.util.List;
import org.vigil.track.model.Frame;

/**
 * One scan of a simulation: the truth (ids and positions of the targets in the region) and the
 * sensor frames.
 *
 * @param index       scan number k
 * @param timeSeconds scan time k dt, s
 * @param ids         target ids
 * @param xMetres     target east positions, m
 * @param yMetres     target north positions, m
 * @param frames      the sensors' frames at this time
 */
public record SimulatedScan(int index, double timeSeconds, long[] ids, double[] xMetres, double[] yMetres, List<Frame> frames) {

    /** Detections in the scan. */
    public int detectionCount() {
        return frames.stream().mapToInt(f -> f.detections().size()).sum();
    }
}
