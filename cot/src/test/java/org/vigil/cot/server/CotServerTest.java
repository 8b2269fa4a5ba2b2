package org.vigil.cot.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cot.codec.CotXmlDecoder;
import org.vigil.cot.codec.CotXmlEncoder;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.pki.CertificateFolder;
import org.vigil.cot.pki.TlsContexts;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server over real sockets: two clients per transport exchange events, each in its
 * own encoding; TLS refuses foreign and missing certificates; pings, replay, groups,
 * oversized input.
 */
class CotServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final char[] PW = "secret-pw".toCharArray();

    @TempDir
    static Path dir;
    static CertificateFolder certs;
    static CotServer server;
    static BoundPorts ports;

    @BeforeAll
    static void start() throws Exception {
        certs = CertificateFolder.inDataDir(dir.resolve("data"));
        certs.initialise(List.of());
        certs.issueClient("alice", PW);
        certs.issueClient("bob", PW);
        server = new CotServer(CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, 0, 0, TlsContexts.server(certs))
                .withLimits(64 * 1024, 1024));
        ports = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Both clients join {@code group}; returns once each has seen the other (replay or live). */
    private static void joinBoth(TakTestClient a, TakTestClient b, String group) throws Exception {
        a.send(Events.position(group + "-A", group, 50.0));
        b.send(Events.position(group + "-B", group, 50.1));
        b.await(e -> e.uid().equals(group + "-A"), WAIT);
        a.await(e -> e.uid().equals(group + "-B"), WAIT);
    }

    @Test
    void tcpXmlClientsShareTheirGroupsEvents() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp())) {
            joinBoth(a, b, "tcp-xml");
            CotEvent live = Events.position("tcp-xml-A", "tcp-xml", 50.2);
            a.send(live);
            TakTestClient.Received got = b.await(e -> e.uid().equals("tcp-xml-A") && e.point().latDeg() == 50.2, WAIT);
            assertThat(got.protobuf()).isFalse();
            assertThat(got.event()).isEqualTo(live);
        }
    }

    @Test
    void protobufAndXmlClientsEachGetTheirOwnEncoding() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp())) {
            a.negotiate();
            assertThat(a.isProtobuf()).isTrue();
            joinBoth(a, b, "tcp-pb");
            CotEvent fromA = Events.position("tcp-pb-A", "tcp-pb", 50.3);
            a.send(fromA);
            TakTestClient.Received atB = b.await(e -> e.uid().equals("tcp-pb-A") && e.point().latDeg() == 50.3, WAIT);
            assertThat(atB.protobuf()).isFalse();
            assertThat(atB.event().sameAs(fromA)).isTrue();
            CotEvent fromB = Events.position("tcp-pb-B", "tcp-pb", 50.4);
            b.send(fromB);
            TakTestClient.Received atA = a.await(e -> e.uid().equals("tcp-pb-B") && e.point().latDeg() == 50.4, WAIT);
            assertThat(atA.protobuf()).isTrue();
            assertThat(atA.event().sameAs(fromB)).isTrue();
        }
    }

    @Test
    void bothProtobufClientsExchangeProtobuf() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp())) {
            a.negotiate();
            b.negotiate();
            joinBoth(a, b, "tcp-pb2");
            a.send(Events.position("tcp-pb2-A", "tcp-pb2", 51.0));
            assertThat(b.await(e -> e.point().latDeg() == 51.0, WAIT).protobuf()).isTrue();
        }
    }

    @Test
    void theDecoderSwitchesExactlyAfterTheRequest() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp())) {
            CotEvent ad = a.await(e -> e.type().equals(ControlEvents.ADVERTISE), WAIT).event();
            joinBoth(a, b, "boundary");
            // the request and the first protobuf frame in one write: the server must cut exactly at </event>
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(new CotXmlEncoder().encode(ControlEvents.request(ad.uid(), 1, Instant.now())));
            both.writeBytes(TakFraming.streamFrame(new TakProtoCodec().encode(Events.position("boundary-A", "boundary", 52.0))));
            a.sendRaw(both.toByteArray());
            assertThat(b.await(e -> e.point().latDeg() == 52.0, WAIT).protobuf()).isFalse();
        }
    }

    @Test
    void tlsClientsWithIssuedCertificatesShareEvents() throws Exception {
        try (var a = TakTestClient.tls(ports.tls(), clientContext(certs.clientKeystore("alice"), PW));
             var b = TakTestClient.tls(ports.tls(), clientContext(certs.clientKeystore("bob"), PW))) {
            b.negotiate();
            joinBoth(a, b, "tls");
            CotEvent fromA = Events.position("tls-A", "tls", 53.0);
            a.send(fromA);
            TakTestClient.Received atB = b.await(e -> e.point().latDeg() == 53.0, WAIT);
            assertThat(atB.protobuf()).isTrue();
            assertThat(atB.event().sameAs(fromA)).isTrue();
        }
    }

    @Test
    void aClientWithAForeignCertificateIsRefused() throws Exception {
        CertificateFolder foreign = CertificateFolder.inDataDir(dir.resolve("elsewhere"));
        foreign.initialise(List.of());
        foreign.issueClient("mallory", PW);
        long failuresBefore = server.counters().tlsHandshakeFailures();
        // trusts our server, but presents a certificate from another CA
        SSLContext ctx = context(foreign.clientKeystore("mallory"), PW, certs.caPem());
        assertRefused(ctx);
        // no client certificate at all
        SSLContext none = context(null, PW, certs.caPem());
        assertRefused(none);
        assertThat(server.counters().tlsHandshakeFailures()).isGreaterThanOrEqualTo(failuresBefore + 2);
    }

    private static void assertRefused(SSLContext ctx) throws Exception {
        try {
            TakTestClient c = TakTestClient.tls(ports.tls(), ctx);
            // TLS 1.3: the client finishes first; the server's refusal arrives as an alert and a close
            try (c) {
                assertThat(c.closedByServerWithin(WAIT)).isTrue();
                assertThat(c.endedWith()).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
                assertThatThrownBy(() -> c.await(e -> e.type().equals(ControlEvents.ADVERTISE), Duration.ofMillis(300)))
                        .isInstanceOf(AssertionError.class);
            }
        } catch (IOException refusedAtHandshake) {
            // TLS 1.2 or an early alert: refused during the handshake itself
        }
    }

    @Test
    void udpPeersGetEachOthersEventsInTheirOwnEncoding() throws Exception {
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket b = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            a.setSoTimeout(5000);
            b.setSoTimeout(5000);
            InetSocketAddress srv = new InetSocketAddress("127.0.0.1", ports.udp());
            TakProtoCodec proto = new TakProtoCodec();
            byte[] aXml = new CotXmlEncoder().encode(Events.position("udp-A", "udp", 54.0));
            a.send(new DatagramPacket(aXml, aXml.length, srv));
            byte[] bMesh = TakFraming.meshFrame(proto.encode(Events.position("udp-B", "udp", 54.1)));
            b.send(new DatagramPacket(bMesh, bMesh.length, srv));
            // b joined after a: b gets a's position replayed, as mesh-framed protobuf
            CotEvent atB = receive(b, proto, true);
            assertThat(atB.uid()).isEqualTo("udp-A");
            CotEvent atA = receive(a, proto, false);
            assertThat(atA.uid()).isEqualTo("udp-B");
            byte[] live = new CotXmlEncoder().encode(Events.position("udp-A", "udp", 54.2));
            a.send(new DatagramPacket(live, live.length, srv));
            assertThat(receive(b, proto, true).point().latDeg()).isEqualTo(54.2);
        }
    }

    private static CotEvent receive(DatagramSocket s, TakProtoCodec proto, boolean expectMesh) throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        byte[] data = Arrays.copyOf(p.getData(), p.getLength());
        assertThat(data[0] == TakFraming.MAGIC).isEqualTo(expectMesh);
        return expectMesh
                ? proto.decode(TakFraming.unwrapMesh(data).orElseThrow()).orElseThrow()
                : new CotXmlDecoder().decode(data).orElseThrow();
    }

    @Test
    void pingsAreAnsweredAndNotFannedOut() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp())) {
            joinBoth(a, b, "ping");
            a.send(ControlEvents.ping("ping-A-ping", Instant.now()));
            assertThat(a.await(e -> e.type().equals(ControlEvents.PONG), WAIT).event().uid()).isEqualTo("takPong");
            assertThat(b.nothingMatching(e -> e.type().startsWith("t-x-c-t"), Duration.ofMillis(500))).isTrue();
        }
    }

    @Test
    void groupsAreKeptApartAndNewcomersGetTheirGroupsPicture() throws Exception {
        try (var red = TakTestClient.tcp(ports.tcp()); var blue = TakTestClient.tcp(ports.tcp())) {
            CotEvent sent = Events.position("grp-red", "grp-Red", 55.0);
            red.send(sent);
            blue.send(Events.position("grp-blue", "grp-Blue", 55.1));
            assertThat(blue.nothingMatching(e -> e.uid().equals("grp-red"), Duration.ofMillis(500))).isTrue();
            try (var late = TakTestClient.tcp(ports.tcp())) {
                late.send(Events.position("grp-late", "grp-Red", 55.2));
                // the router keeps the event's TAK protocol payload: the replay is the event as sent,
                // as TAK protocol carries it (times to the millisecond; the detail's elements with the
                // structured ones after the rest)
                CotEvent replayed = late.await(e -> e.uid().equals("grp-red"), WAIT).event();
                assertThat(replayed.point()).isEqualTo(sent.point());
                assertThat(replayed.detail().elements()).containsExactlyInAnyOrderElementsOf(sent.detail().elements());
                assertThat(replayed.type()).isEqualTo(sent.type());
                assertThat(replayed.stale()).isEqualTo(sent.stale().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                assertThat(red.await(e -> e.uid().equals("grp-late"), WAIT)).isNotNull();
            }
        }
    }

    @Test
    void staleEventsAreDroppedAndNotReplayed() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp())) {
            joinBoth(a, b, "stale");
            Instant past = Instant.now().minus(Duration.ofMinutes(10));
            CotEvent old = CotEvent.of("stale-old", "a-f-G", "m-g", past, past.plusSeconds(60),
                    Events.position("x", "stale", 1).point(), Events.position("x", "stale", 1).detail());
            a.send(old);
            assertThat(b.nothingMatching(e -> e.uid().equals("stale-old"), Duration.ofMillis(500))).isTrue();
        }
    }

    @Test
    void anOversizedEventOrFrameClosesOnlyThatConnection() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp());
             var xmlHog = TakTestClient.tcp(ports.tcp()); var pbHog = TakTestClient.tcp(ports.tcp())) {
            joinBoth(a, b, "oversize");
            long closedBefore = server.counters().connectionsClosedForProtocol();
            xmlHog.sendRaw(("<event>" + "x".repeat(70 * 1024)).getBytes());
            assertThat(xmlHog.closedByServerWithin(WAIT)).isTrue();
            pbHog.negotiate();
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.write(0xbf);
            TakFraming.writeVarint(header, 1L << 40);
            pbHog.sendRaw(header.toByteArray());
            assertThat(pbHog.closedByServerWithin(WAIT)).isTrue();
            assertThat(server.counters().connectionsClosedForProtocol()).isEqualTo(closedBefore + 2);
            a.send(Events.position("oversize-A", "oversize", 56.0));
            assertThat(b.await(e -> e.point().latDeg() == 56.0, WAIT)).isNotNull();
        }
    }

    @Test
    void rejectedEventsAreCountedAndTheConnectionStays() throws Exception {
        try (var a = TakTestClient.tcp(ports.tcp()); var b = TakTestClient.tcp(ports.tcp())) {
            joinBoth(a, b, "reject");
            long before = server.counters().eventsRejected();
            a.sendRaw("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><event>&e;</event>\n<event uid='x'/></event>".getBytes());
            a.send(Events.position("reject-A", "reject", 57.0));
            assertThat(b.await(e -> e.point().latDeg() == 57.0, WAIT)).isNotNull();
            assertThat(server.counters().eventsRejected()).isEqualTo(before + 2);
        }
    }

    static SSLContext clientContext(Path p12, char[] pw) throws Exception {
        return context(p12, pw, certs.caPem());
    }

    /** A client TLS context presenting {@code p12} (none when null) and trusting the CA in {@code caPem}. */
    static SSLContext context(Path p12, char[] pw, Path caPem) throws Exception {
        KeyManagerFactory kmf = null;
        if (p12 != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(CertificateFolder.readKeystore(p12, pw), pw);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(caPem)) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
