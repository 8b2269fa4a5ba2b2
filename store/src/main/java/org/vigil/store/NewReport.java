package org.vigil.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A report accepted by an ingest channel, before it is journaled. The store keeps the body
 * as received (it never parses it); {@code watch} re-reads it on replay.
 *
 * @param receivedAt  when the server accepted it (UTC)
 * @param channel     where it came from: {@code http}, {@code cot-tcp}, {@code cot-tls},
 *                    {@code cot-udp}, {@code sim}
 * @param contentType {@code application/json}, {@code application/cot+xml} or
 *                    {@code application/x-tak-protobuf}
 * @param body        the report's bytes
 */
public record NewReport(Instant receivedAt, String channel, String contentType, byte[] body) {
    public NewReport {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
