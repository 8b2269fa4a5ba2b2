package org.vigil.cot.server;

import io.netty.handler.ssl.SslContext;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run a {@link CotServer}. A port of 0 means any free port; a negative port
 * disables that listener. The TLS listener needs {@code tls} (a server context that
 * requires client certificates, see {@code org.vigil.cot.pki.TlsContexts}).
 *
 * @param bind                the address to listen on (127.0.0.1 by default)
 * @param tcpPort             plain TCP streaming port (TAK convention 8087)
 * @param tlsPort             mutual-TLS streaming port (TAK convention 8089)
 * @param udpPort             UDP input port (TAK mesh convention 6969)
 * @param tls                 the server TLS context, or {@code null} when {@code tlsPort < 0}
 * @param maxEventBytes       the largest event or frame accepted, bytes
 * @param clientQueueCapacity events waiting for one slow client before the oldest position reports go
 * @param ioThreads           event-loop threads (0: Netty's default, twice the cores)
 * @param clock               the clock for stale checks and control events
 */
public record CotServerConfig(InetAddress bind, int tcpPort, int tlsPort, int udpPort, SslContext tls,
                              int maxEventBytes, int clientQueueCapacity, int ioThreads, Clock clock) {

    public static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024;
    public static final int DEFAULT_CLIENT_QUEUE = 1024;

    public CotServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(clock, "clock");
        if (tlsPort >= 0 && tls == null) {
            throw new IllegalArgumentException("a TLS port needs a TLS context");
        }
        if (maxEventBytes < 1024) {
            throw new IllegalArgumentException("maxEventBytes must be at least 1024: " + maxEventBytes);
        }
        if (clientQueueCapacity < 1) {
            throw new IllegalArgumentException("clientQueueCapacity must be positive: " + clientQueueCapacity);
        }
    }

    /** TCP, TLS and UDP on the given ports with default limits. */
    public static CotServerConfig of(InetAddress bind, int tcpPort, int tlsPort, int udpPort, SslContext tls) {
        return new CotServerConfig(bind, tcpPort, tlsPort, udpPort, tls, DEFAULT_MAX_EVENT_BYTES,
                DEFAULT_CLIENT_QUEUE, 0, Clock.systemUTC());
    }

    public CotServerConfig withLimits(int newMaxEventBytes, int newClientQueueCapacity) {
        return new CotServerConfig(bind, tcpPort, tlsPort, udpPort, tls, newMaxEventBytes, newClientQueueCapacity,
                ioThreads, clock);
    }
}
