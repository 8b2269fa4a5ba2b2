package org.vigil.track.geo;

import java.util.List;

/**
 * One sensor's scan in WGS84: every report that sensor made at one time (empty: it looked and
 * saw nothing).
 *
 * @param timeSeconds time of the scan, s
 * @param sensorId    the sensor (0 when unknown)
 * @param detections  its reports, all at {@code timeSeconds}
 * @param coverage    the scan's footprint, or {@code null} when it covers every track
 */
public record GeodeticFrame(double timeSeconds, int sensorId, List<GeodeticDetection> detections, GeodeticCoverage coverage) {

    public GeodeticFrame {
        detections = List.copyOf(detections);
    }

    /** A scan that covers every track. */
    public GeodeticFrame(double timeSeconds, int sensorId, List<GeodeticDetection> detections) {
        this(timeSeconds, sensorId, detections, null);
    }
}
