package org.vigil.cot.server;

import org.vigil.cot.event.CotEvent;

/** What a connection's decoder passes up: a decoded event or a rejected one. */
sealed interface Inbound permits Inbound.Event, Inbound.Rejected {

    record Event(CotEvent event) implements Inbound {
    }

    record Rejected(String reason) implements Inbound {
    }
}
