package org.vigil.cot.server;

/** A recipient of fanned-out events: a streaming connection (TCP or TLS) or a UDP peer. */
sealed interface Subscriber permits StreamSession, UdpPeer {

    /** Queues {@code event} for sending in this subscriber's encoding; never blocks. */
    void deliver(RoutedEvent event);
}
