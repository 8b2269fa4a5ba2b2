package org.vigil.cot.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters, safe to bump from any thread. {@link #snapshot()} reads them for
 * {@code /metrics}; names follow the Prometheus conventions ({@code _total} for counters).
 */
public final class CotCounters {

    final LongAdder connectionsAccepted = new LongAdder();
    final AtomicLong connectionsOpen = new AtomicLong();
    final LongAdder tlsHandshakeFailures = new LongAdder();
    final LongAdder connectionsClosedForProtocol = new LongAdder();
    final LongAdder connectionsClosedIdle = new LongAdder();
    final LongAdder eventsReceived = new LongAdder();
    final LongAdder eventsRejected = new LongAdder();
    final LongAdder eventsStale = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    final LongAdder droppedSlowClient = new LongAdder();
    final LongAdder droppedUdp = new LongAdder();
    final LongAdder pingsAnswered = new LongAdder();
    final LongAdder negotiatedProtobuf = new LongAdder();

    /** Counter name (Prometheus style) to value, in a stable order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("vigil_cot_connections_accepted_total", connectionsAccepted.sum());
        m.put("vigil_cot_connections_open", connectionsOpen.get());
        m.put("vigil_cot_tls_handshake_failures_total", tlsHandshakeFailures.sum());
        m.put("vigil_cot_connections_closed_protocol_error_total", connectionsClosedForProtocol.sum());
        m.put("vigil_cot_connections_closed_idle_total", connectionsClosedIdle.sum());
        m.put("vigil_cot_events_received_total", eventsReceived.sum());
        m.put("vigil_cot_events_rejected_total", eventsRejected.sum());
        m.put("vigil_cot_events_stale_dropped_total", eventsStale.sum());
        m.put("vigil_cot_deliveries_total", deliveries.sum());
        m.put("vigil_cot_dropped_slow_client_total", droppedSlowClient.sum());
        m.put("vigil_cot_dropped_udp_total", droppedUdp.sum());
        m.put("vigil_cot_pings_answered_total", pingsAnswered.sum());
        m.put("vigil_cot_negotiated_protobuf_total", negotiatedProtobuf.sum());
        return m;
    }

    /** The counters in the Prometheus text exposition format. */
    public String prometheusText() {
        StringBuilder sb = new StringBuilder();
        snapshot().forEach((name, value) -> {
            sb.append("# TYPE ").append(name).append(name.endsWith("_total") ? " counter\n" : " gauge\n");
            sb.append(name).append(' ').append(value).append('\n');
        });
        return sb.toString();
    }

    public long deliveries() {
        return deliveries.sum();
    }

    public long droppedSlowClient() {
        return droppedSlowClient.sum();
    }

    public long connectionsClosedForProtocol() {
        return connectionsClosedForProtocol.sum();
    }

    public long connectionsClosedIdle() {
        return connectionsClosedIdle.sum();
    }

    public long eventsRejected() {
        return eventsRejected.sum();
    }

    public long tlsHandshakeFailures() {
        return tlsHandshakeFailures.sum();
    }
}
