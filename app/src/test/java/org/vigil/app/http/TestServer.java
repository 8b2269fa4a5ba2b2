package org.vigil.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.vigil.app.live.LiveServer;
import org.vigil.posture.io.ForcesReader;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.io.TheatreLoader;

/**
 * A real {@code vigil serve} in this JVM for API tests: SQLite in a temporary folder, every port
 * 0, a known token; and the clients the tests use, java.net.http's HTTP client and WebSocket.
 */
final class TestServer implements AutoCloseable {

    static final String TOKEN = "test-token-5e2b9c41d7";
    static final Theatre UKRAINE = TheatreLoader.bundledUkraine();
    static final ObjectMapper JSON = new ObjectMapper();

    final LiveServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    private TestServer(LiveServer server) {
        this.server = server;
        this.base = "http://127.0.0.1:" + server.httpPort();
    }

    static TestServer start(Path dataDir) {
        return start(dataDir, Optional.empty());
    }

    static TestServer start(Path dataDir, Optional<String> jdbcUrl) {
        LiveServer s = LiveServer.start(new LiveServer.Options(dataDir, jdbcUrl, InetAddress.getLoopbackAddress(), 0, 0, 0, 0,
                BearerToken.of(TOKEN), false, 1, 1, 2, null, false), UKRAINE, ForcesReader.bundledDefault());
        return new TestServer(s);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN).GET().build());
    }

    HttpResponse<String> getWithout(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** A WebSocket client that keeps every message it receives, in order. */
    static final class LiveClient implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        volatile int closeCode = -1;
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        /** The next message matching {@code which}, skipping others; fails after {@code seconds}. */
        JsonNode next(Predicate<JsonNode> which, double seconds) throws InterruptedException {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode m = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
                if (m == null) {
                    throw new AssertionError("no matching WebSocket message within " + seconds + " s");
                }
                if (which.test(m)) {
                    return m;
                }
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    LiveClient live(String query) {
        LiveClient c = new LiveClient();
        c.socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/api/live" + query), c).join();
        return c;
    }

    @Override
    public void close() {
        server.close();
    }
}
