package org.vigil.cot.server;

import org.junit.jupiter.api.Test;
import org.vigil.cot.codec.CotXmlEncoder;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that never reads loses its oldest position reports; the others get everything. */
class BackPressureTest {

    @Test
    void aSlowClientNeverStallsTheOthers() throws Exception {
        CotServerConfig config = CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, -1, -1, null).withLimits(64 * 1024, 256);
        try (CotServer server = new CotServer(config)) {
            BoundPorts ports = server.start();
            try (Socket slow = new Socket(); var sender = TakTestClient.tcp(ports.tcp()); var fast = TakTestClient.tcp(ports.tcp())) {
                slow.setReceiveBufferSize(4096);
                slow.connect(new InetSocketAddress("127.0.0.1", ports.tcp()));
                slow.getOutputStream().write(new CotXmlEncoder().encode(Events.position("bp-slow", "bp", 1)));
                slow.getOutputStream().flush();
                sender.send(Events.position("bp-sender", "bp", 1));
                fast.send(Events.position("bp-fast", "bp", 1));
                fast.await(e -> e.uid().equals("bp-sender"), Duration.ofSeconds(5));
                sender.await(e -> e.uid().equals("bp-fast"), Duration.ofSeconds(5));

                // 12 MB in 1.5 s: far more than the slow client's socket buffers and queue hold
                int n = 3000;
                for (int chunk = 0; chunk < n / 50; chunk++) {
                    ByteArrayOutputStream burst = new ByteArrayOutputStream();
                    for (int i = chunk * 50 + 1; i <= chunk * 50 + 50; i++) {
                        burst.writeBytes(new CotXmlEncoder().encode(Events.positionWithRemarks("bp-sender", "bp", i * 0.01, 4000)));
                    }
                    sender.sendRaw(burst.toByteArray());
                    Thread.sleep(25);
                }
                // the fast client gets every one of them, in order, while the slow one reads nothing
                for (int i = 1; i <= n; i++) {
                    double lat = i * 0.01;
                    fast.await(e -> e.uid().equals("bp-sender") && e.point().latDeg() == lat, Duration.ofSeconds(30));
                }
                assertThat(server.counters().droppedSlowClient()).isPositive();
                assertThat(server.counters().prometheusText()).contains("vigil_cot_dropped_slow_client_total "
                        + server.counters().droppedSlowClient());
            }
        }
    }
}
