package org.vigil.cot.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.vigil.cot.codec.CotXmlDecoder;
import org.vigil.cot.codec.CotXmlEncoder;
import org.vigil.cot.codec.Framed;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.codec.XmlStreamSplitter;
import org.vigil.cot.event.CotEvent;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A blocking TAK streaming client over a real socket, for tests: reads on its own thread,
 * records every event with the encoding it arrived in, and switches to protobuf exactly
 * after a {@code t-x-takp-r status="true"}, as a TAK client must.
 */
final class TakTestClient implements AutoCloseable {

    /** An event as received, with the encoding it came in. */
    record Received(CotEvent event, boolean protobuf) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean protobuf;
    private volatile boolean closedByServer;
    private volatile Throwable ended;
    private volatile boolean closedByUs;

    private TakTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = Thread.ofVirtual().start(this::readLoop);
    }

    static TakTestClient tcp(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setTcpNoDelay(true);
        return new TakTestClient(s);
    }

    /** A TLS client that verifies the server certificate for {@code localhost}; the handshake runs first. */
    static TakTestClient tls(int port, SSLContext context) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.connect(new InetSocketAddress("localhost", port), 5000);
        s.startHandshake();
        return new TakTestClient(s);
    }

    private void readLoop() {
        CotXmlDecoder xml = new CotXmlDecoder();
        TakProtoCodec proto = new TakProtoCodec();
        XmlStreamSplitter splitter = new XmlStreamSplitter(CotXmlDecoder.DEFAULT_MAX_EVENT_BYTES);
        ByteBuf buf = Unpooled.buffer();
        byte[] chunk = new byte[16384];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buf.writeBytes(chunk, 0, n);
                while (true) {
                    boolean pb = protobuf;
                    Framed f = pb ? TakFraming.nextStreamFrame(buf, 1 << 20) : splitter.next(buf);
                    if (!(f instanceof Framed.Complete c)) {
                        break;
                    }
                    CotEvent e = (pb ? proto.decode(c.bytes()) : xml.decode(c.bytes())).orElseThrow();
                    if (e.type().equals(ControlEvents.RESPONSE) && ControlEvents.responseAccepted(e)) {
                        protobuf = true;
                    }
                    received.add(new Received(e, pb));
                }
                buf.discardReadBytes();
            }
            closedByServer = true;
        } catch (IOException e) {
            closedByServer = !closedByUs; // includes a fatal TLS alert, after which the JDK closes the socket
            ended = e;
        } catch (RuntimeException e) {
            ended = e;
        }
    }

    /** Sends in the connection's current encoding. */
    void send(CotEvent e) throws IOException {
        sendRaw(protobuf ? TakFraming.streamFrame(new TakProtoCodec().encode(e)) : new CotXmlEncoder().encode(e));
    }

    synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next received event matching {@code test}, skipping others; fails after {@code timeout}. */
    Received await(Predicate<CotEvent> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("nothing matching arrived within " + timeout);
            }
            if (test.test(r.event())) {
                return r;
            }
        }
    }

    /** Nothing matching arrives within {@code wait}. */
    boolean nothingMatching(Predicate<CotEvent> test, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                return true;
            }
            if (test.test(r.event())) {
                return false;
            }
        }
    }

    /** Waits for the advertisement, asks for version 1 and waits for the accepting response. */
    void negotiate() throws IOException, InterruptedException {
        CotEvent ad = await(e -> e.type().equals(ControlEvents.ADVERTISE), Duration.ofSeconds(5)).event();
        sendRaw(new CotXmlEncoder().encode(ControlEvents.request(ad.uid(), 1, Instant.now())));
        CotEvent response = await(e -> e.type().equals(ControlEvents.RESPONSE), Duration.ofSeconds(5)).event();
        if (!ControlEvents.responseAccepted(response)) {
            throw new AssertionError("server refused protobuf");
        }
    }

    boolean isProtobuf() {
        return protobuf;
    }

    /** Why reading ended (EOF: null), e.g. the TLS alert that refused the handshake. */
    Throwable endedWith() {
        return ended;
    }

    /** True once the server has closed the connection (waits up to {@code wait}). */
    boolean closedByServerWithin(Duration wait) throws InterruptedException {
        if (!reader.join(wait)) {
            return false;
        }
        if (!closedByServer && ended != null) {
            throw new AssertionError("reader failed", ended);
        }
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        closedByUs = true;
        socket.close();
    }
}
