package org.vigil.track.io;

import java.util.List;
import org.vigil.track.metric.PlanarPoints;
import org.vigil.track.model.Frame;

/**
 * One scan time of a scenario: the sensor frames at that time (one per reporting sensor, in
 * sensor order) and the true target positions (empty when the file has no truth).
 *
 * @param index       scan number k, time = k dt
 * @param timeSeconds scan time, s
 * @param frames      sensor frames at this time
 * @param truth       true positions, m
 */
public record Scan(int index, double timeSeconds, List<Frame> frames, PlanarPoints truth) {

    public Scan {
        frames = List.copyOf(frames);
    }

    /** Number of detections in the scan. */
    public int detectionCount() {
        int n = 0;
        for (Frame f : frames) {
            n += f.detections().size();
        }
        return n;
    }
}
