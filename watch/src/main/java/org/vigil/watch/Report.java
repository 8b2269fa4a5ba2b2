package org.vigil.watch;

import java.time.Instant;
import java.util.Objects;

/**
 * One sensor detection as the live pipeline takes it, from any channel (HTTP JSON, CoT XML,
 * TAK protocol, the simulator). WGS84 degrees at this edge; {@code heightM} is NaN when the
 * sensor gave none.
 *
 * @param sensor the reporting sensor's name, e.g. {@code drone-7}; the tracker uses each
 *               sensor's own noise
 * @param time   when the sensor observed it
 * @param sigmaM one-sigma horizontal position error, metres
 * @param kind   {@code ground}, {@code air}, {@code sea} or {@code unknown}
 * @param uid    the sender's identifier for this report (CoT uid), or null
 */
public record Report(String sensor, Instant time, double latDeg, double lonDeg, double heightM,
                     double sigmaM, String kind, String uid) {
    public Report {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
    }
}
