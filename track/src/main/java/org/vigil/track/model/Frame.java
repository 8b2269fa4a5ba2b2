package org.vigil.track.model;

import java.util.List;

/**
 * One sensor's scan: every detection that sensor reported at one time. A frame with no
 * detections still says "this sensor looked and saw nothing", which lowers the existence of the
 * tracks it covers.
 *
 * @param timeSeconds time of the scan, s
 * @param sensorId    the sensor (0 when unknown)
 * @param detections  its detections, all at {@code timeSeconds}
 * @param coverage    the scan's footprint and detection probability, or {@code null} when the
 *                    sensor is taken to see every track with the tracker's own detection probability
 */
public record Frame(double timeSeconds, int sensorId, List<Detection> detections, Coverage coverage) {

    public Frame {
        detections = List.copyOf(detections);
    }

    /** A scan that covers every track (scenario files, wide-area sensors). */
    public Frame(double timeSeconds, int sensorId, List<Detection> detections) {
        this(timeSeconds, sensorId, detections, null);
    }
}
