package org.vigil.cot.server;

import io.netty.handler.ssl.SslContext;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
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
 * @param idleTimeout         a streaming connection that sends nothing (no event, no ping) for this
 *                            long is closed; {@link Duration#ZERO} never closes idle connections
 */
public record CotServerConfig(InetAddress bind, int tcpPort, int tlsPort, int udpPort, SslContext tls,
                              int maxEventBytes, int clientQueueCapacity, int ioThreads, Clock clock,
                              Duration idleTimeout) {

    public static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024;
    public static final int DEFAULT_CLIENT_QUEUE = 1024;
    /**
     * Two minutes of silence closes a streaming connection. TAK clients keep their streams
     * alive with {@code t-x-c-t} pings (node-tak every 5 s, tak-protocol.md section 4; a ping's
     * own stale time is 20 s, cot-events.md), so a live client sends something many times in
     * this window, while a dead peer or a half-open socket that never sends stops holding a
     * queue, a group slot and a file descriptor.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

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
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative: " + idleTimeout);
        }
    }

    /** The configuration as before the idle timeout existed, with {@link #DEFAULT_IDLE_TIMEOUT}. */
    public CotServerConfig(InetAddress bind, int tcpPort, int tlsPort, int udpPort, SslContext tls,
                           int maxEventBytes, int clientQueueCapacity, int ioThreads, Clock clock) {
        this(bind, tcpPort, tlsPort, udpPort, tls, maxEventBytes, clientQueueCapacity, ioThreads, clock,
                DEFAULT_IDLE_TIMEOUT);
    }

    /** TCP, TLS and UDP on the given ports with default limits. */
    public static CotServerConfig of(InetAddress bind, int tcpPort, int tlsPort, int udpPort, SslContext tls) {
        return new CotServerConfig(bind, tcpPort, tlsPort, udpPort, tls, DEFAULT_MAX_EVENT_BYTES,
                DEFAULT_CLIENT_QUEUE, 0, Clock.systemUTC());
    }

    public CotServerConfig withLimits(int newMaxEventBytes, int newClientQueueCapacity) {
        return new CotServerConfig(bind, tcpPort, tlsPort, udpPort, tls, newMaxEventBytes, newClientQueueCapacity,
                ioThreads, clock, idleTimeout);
    }

    /** The same with another idle timeout ({@link Duration#ZERO}: never close idle connections). */
    public CotServerConfig withIdleTimeout(Duration newIdleTimeout) {
        return new CotServerConfig(bind, tcpPort, tlsPort, udpPort, tls, maxEventBytes, clientQueueCapacity,
                ioThreads, clock, newIdleTimeout);
    }
}
