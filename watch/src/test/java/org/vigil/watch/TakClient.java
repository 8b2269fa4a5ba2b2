package org.vigil.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.vigil.cot.codec.CotXmlDecoder;
import org.vigil.cot.codec.CotXmlEncoder;
import org.vigil.cot.codec.DecodeResult;
import org.vigil.cot.event.CotEvent;

/** A plain-socket TAK client speaking CoT XML: collects every event the server sends it. */
final class TakClient implements AutoCloseable {

    private final Socket socket;
    private final List<CotEvent> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final CotXmlEncoder encoder = new CotXmlEncoder();

    TakClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        reader = Thread.ofPlatform().daemon().start(this::read);
    }

    private void read() {
        CotXmlDecoder decoder = new CotXmlDecoder();
        StringBuilder buf = new StringBuilder();
        byte[] chunk = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                buf.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                int end;
                while ((end = buf.indexOf("</event>")) >= 0) {
                    String one = buf.substring(0, end + "</event>".length());
                    buf.delete(0, end + "</event>".length());
                    int start = one.indexOf("<?xml");
                    if (start < 0) {
                        start = one.indexOf("<event");
                    }
                    if (start >= 0 && decoder.decode(one.substring(start).getBytes(StandardCharsets.UTF_8))
                            instanceof DecodeResult.Decoded<CotEvent> ok) {
                        received.add(ok.value());
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    void send(CotEvent e) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(encoder.encode(e));
        out.flush();
    }

    List<CotEvent> received(Predicate<CotEvent> which) {
        List<CotEvent> out = new ArrayList<>();
        for (CotEvent e : received) {
            if (which.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Waits until some received event matches, up to {@code timeout}; returns the matches. */
    List<CotEvent> await(Predicate<CotEvent> which, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<CotEvent> l = received(which);
            if (!l.isEmpty()) {
                return l;
            }
            Thread.sleep(20);
        }
        return received(which);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
