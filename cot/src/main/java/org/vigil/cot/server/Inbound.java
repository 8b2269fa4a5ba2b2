package org.vigil.cot.server;

import org.vigil.cot.event.CotEvent;

/** What a connection's decoder passes up: a decoded event or a rejected one. */
sealed interface Inbound permits Inbound.Event, Inbound.Rejected {

    /** {@code protobuf}: the TAK protocol v1 payload as received, or {@code null} for XML. */
    record Event(CotEvent event, byte[] protobuf) implements Inbound {
    }

    record Rejected(String reason) implements Inbound {
    }
}
