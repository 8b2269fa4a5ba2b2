package org.vigil.cot.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * A load run against a TAK streaming server.
 *
 * @param host        server host
 * @param port        server TCP streaming port
 * @param clients     simulated clients, each one connection
 * @param rateHz      position reports per second from each client
 * @param duration    how long the clients report
 * @param groupSize   clients per {@code __group} team (the last team may be smaller)
 * @param protobuf    negotiate TAK protocol v1 first (else stay on XML)
 */
public record BenchConfig(String host, int port, int clients, double rateHz, Duration duration, int groupSize,
                          boolean protobuf) {

    public BenchConfig {
        Objects.requireNonNull(host, "host");
        if (clients < 1) {
            throw new IllegalArgumentException("--clients must be at least 1: " + clients);
        }
        if (!(rateHz > 0) || rateHz > 1000) {
            throw new IllegalArgumentException("--rate must be in (0, 1000] reports per second per client: " + rateHz);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration-s must be positive");
        }
        if (groupSize < 2) {
            throw new IllegalArgumentException("--group-size must be at least 2: " + groupSize);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
