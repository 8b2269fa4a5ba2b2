package org.vigil.cot.server;

/** The ports a started {@link CotServer} listens on; -1 for a listener that is off. */
public record BoundPorts(int tcp, int tls, int udp) {
}
