package org.vigil.cot.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming connections that send nothing are closed after the idle timeout, while a
 * client that keeps pinging (as TAK clients do) stays connected and keeps getting events.
 */
class IdleTimeoutTest {

    private static final Duration IDLE = Duration.ofMillis(800);

    @Test
    void aSilentConnectionIsClosedAndAPingingOneStays() throws Exception {
        CotServerConfig config = CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, -1, -1, null)
                .withIdleTimeout(IDLE);
        try (CotServer server = new CotServer(config)) {
            BoundPorts ports = server.start();
            try (var silent = TakTestClient.tcp(ports.tcp()); var pinging = TakTestClient.tcp(ports.tcp());
                 var sender = TakTestClient.tcp(ports.tcp())) {
                pinging.send(Events.position("idle-pinging", "idle", 50.0));
                Instant end = Instant.now().plus(IDLE.multipliedBy(3));
                while (Instant.now().isBefore(end)) {
                    pinging.send(ControlEvents.ping("idle-test", Instant.now()));
                    sender.send(ControlEvents.ping("idle-test", Instant.now()));
                    Thread.sleep(IDLE.toMillis() / 4);
                }
                assertThat(silent.closedByServerWithin(IDLE.multipliedBy(3))).isTrue();
                assertThat(server.counters().connectionsClosedIdle()).isEqualTo(1);
                sender.send(Events.position("idle-sender", "idle", 51.0));
                assertThat(pinging.await(e -> e.uid().equals("idle-sender"), IDLE.dividedBy(2))).isNotNull();
                assertThat(server.counters().connectionsClosedIdle()).isEqualTo(1);
            }
        }
    }

    @Test
    void theDefaultIsTwoMinutesAndZeroDisablesIt() {
        CotServerConfig config = CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, -1, -1, null);
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.withIdleTimeout(Duration.ZERO).idleTimeout()).isZero();
    }
}
