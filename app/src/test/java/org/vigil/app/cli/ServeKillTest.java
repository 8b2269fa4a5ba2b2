package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;

/**
 * Issue 6's crash test: {@code vigil serve} in its own JVM under sustained HTTP and CoT ingest is killed
 * with SIGKILL (no shutdown hook runs, nothing is flushed on the way out), restarted on the same
 * store, and must still hold every report it had acknowledged, and show the tracks again.
 * Against SQLite always, and PostgreSQL when {@code VIGIL_TEST_PG_URL} is set.
 */
class ServeKillTest {

    static final String TOKEN = "kill-test-token-31c7";
    static final ObjectMapper JSON = new ObjectMapper();
    static final int VEHICLES = 20;
    static final int SENDERS = 4;
    static final int COT_VEHICLES = 5;

    @TempDir
    Path data;

    @Test
    void sqliteKeepsEveryAcknowledgedReportThroughKillNine() throws Exception {
        killAndRestart(Optional.empty());
    }

    @Test
    void postgresKeepsEveryAcknowledgedReportThroughKillNine() throws Exception {
        String url = System.getenv("VIGIL_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                org.junit.jupiter.api.Assertions.fail("the PostgreSQL kill -9 test cannot run under CI: VIGIL_TEST_PG_URL is "
                        + "not set (.ci/run sources scripts/postgres-test.sh, which sets it)");
            }
            System.err.println("ServeKillTest: VIGIL_TEST_PG_URL is not set; the PostgreSQL kill -9 test did not run "
                    + "(scripts/postgres-test.sh starts a server and sets it)");
            org.junit.jupiter.api.Assumptions.abort("VIGIL_TEST_PG_URL not set");
        }
        // an empty schema of its own, so the journal holds only this test's reports
        String schema = "vigil_app_kill_test";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        }
        killAndRestart(Optional.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema));
    }

    private record Child(Process process, String http, String cot) {
    }

    private Child serve(Optional<String> db, String name) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.vigil.app.Main",
                "serve", "--data-dir", data.toString(), "--http-port", "0", "--cot-port", "0", "--tls-port", "0",
                "--udp-port", "0", "--token", TOKEN));
        db.ifPresent(url -> cmd.addAll(List.of("--db", url)));
        Process p = new ProcessBuilder(cmd).redirectError(data.resolve(name + ".err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern http = Pattern.compile("vigil: HTTP +http://([^/ ]+)/health");
        Pattern tcp = Pattern.compile("vigil: TAK streaming +tcp://([^/ ]+)");
        String line;
        String cot = null;
        while ((line = out.readLine()) != null) {
            Matcher t = tcp.matcher(line);
            if (t.find()) {
                cot = t.group(1);
            }
            Matcher m = http.matcher(line);
            if (m.find()) {
                String address = m.group(1);
                // keep draining stdout so the child never blocks on a full pipe
                Thread.ofVirtual().start(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the child died
                    }
                });
                return new Child(p, address, cot);
            }
        }
        throw new AssertionError("serve printed no HTTP address: " + Files.readString(data.resolve(name + ".err")));
    }

    private void killAndRestart(Optional<String> db) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Child first = serve(db, "first");
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        List<JsonNode> tracksBeforeKill;
        Instant start = Instant.now();
        GeoPoint[] origins = new GeoPoint[VEHICLES];
        for (int v = 0; v < VEHICLES; v++) {
            // 20 vehicles 2 km apart on a line near Poltava, each driving east at 10 m/s
            origins[v] = Geodesy.destination(GeoPoint.of(49.40, 33.80), 0, 2_000.0 * v);
        }
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS + 1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int s = 0; s < SENDERS; s++) {
                String sensor = "radar-k9-" + s; // each sender is its own sensor, seeing every vehicle
                results.add(senders.submit(() -> {
                    int refused = 0;
                    while (sending.get()) {
                        Instant now = Instant.now();
                        double elapsed = Duration.between(start, now).toNanos() / 1e9;
                        StringBuilder body = new StringBuilder("[");
                        for (int v = 0; v < VEHICLES; v++) {
                            GeoPoint p = Geodesy.destination(origins[v], 90, 10 * elapsed);
                            body.append(v == 0 ? "" : ",").append(String.format(Locale.ROOT,
                                    "{\"sensor\":\"%s\",\"time\":\"%s\",\"lat\":%.7f,\"lon\":%.7f,\"sigmaM\":15,\"kind\":\"ground\"}",
                                    sensor, now, p.latitudeDeg(), p.longitudeDeg()));
                        }
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + first.http() + "/api/reports"))
                                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 202) {
                                JSON.readTree(r.body()).get("ids").forEach(id -> acknowledged.add(id.asLong()));
                            } else {
                                refused++;
                            }
                        } catch (IOException e) {
                            // the server died mid-request: this report was never acknowledged
                        }
                    }
                    return refused;
                }));
            }
            // and CoT detections of 5 more vehicles over TCP, as a TAK client would send them
            results.add(senders.submit(() -> sendCot(first.cot(), sending, start)));
            // let tracks form, look at them, keep ingesting, then kill mid-stream
            tracksBeforeKill = waitForTracks(client, first.http(), VEHICLES + COT_VEHICLES, Duration.ofSeconds(30));
            Thread.sleep(2_000);
            first.process().destroyForcibly(); // SIGKILL
            assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            sending.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<Integer> f : results) {
            assertThat(f.get()).as("non-202 answers before the kill").isZero();
        }
        assertThat(first.process().exitValue()).isEqualTo(137);
        List<Long> ids = new ArrayList<>(acknowledged);
        assertThat(ids.size()).as("reports acknowledged before the kill").isGreaterThan(VEHICLES * 20);

        Child second = serve(db, "second");
        try {
            // every acknowledged report is in the journal, as sent
            ExecutorService checkers = Executors.newFixedThreadPool(4);
            List<Future<List<Long>>> missing = new ArrayList<>();
            int chunk = (ids.size() + 3) / 4;
            for (int c = 0; c < 4; c++) {
                List<Long> part = ids.subList(Math.min(ids.size(), c * chunk), Math.min(ids.size(), (c + 1) * chunk));
                missing.add(checkers.submit(() -> {
                    List<Long> lost = new ArrayList<>();
                    for (long id : part) {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + second.http() + "/api/reports/" + id))
                                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !JSON.readTree(r.body()).get("sensor").asText().startsWith("radar-k9-")) {
                            lost.add(id);
                        }
                    }
                    return lost;
                }));
            }
            List<Long> lost = new ArrayList<>();
            for (Future<List<Long>> f : missing) {
                lost.addAll(f.get());
            }
            checkers.shutdown();
            assertThat(lost).as("acknowledged reports missing after kill -9 (of " + ids.size() + ")").isEmpty();

            // the tracks come back: each track seen before the kill has a track within 500 m now
            List<JsonNode> after = waitForTracks(client, second.http(), tracksBeforeKill.size() * 9 / 10, Duration.ofSeconds(30));
            int found = 0;
            for (JsonNode before : tracksBeforeKill) {
                GeoPoint b = GeoPoint.of(before.get("lat").asDouble(), before.get("lon").asDouble());
                for (JsonNode now : after) {
                    if (Geodesy.distanceMetres(b, GeoPoint.of(now.get("lat").asDouble(), now.get("lon").asDouble())) < 500) {
                        found++;
                        break;
                    }
                }
            }
            assertThat(found).as("tracks before the kill found again after restart").isGreaterThanOrEqualTo(tracksBeforeKill.size() * 9 / 10);
            System.out.printf(Locale.ROOT, "ServeKillTest (%s): %d HTTP reports acknowledged before kill -9, all in the journal after "
                    + "restart; %d of %d tracks found again%n", db.isPresent() ? "PostgreSQL" : "SQLite", ids.size(), found,
                    tracksBeforeKill.size());
        } finally {
            second.process().destroy();
            assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(second.process().exitValue()).as(Files.readString(data.resolve("second.err"))).isZero();
    }

    /** Streams CoT XML detections (hostile ground, 10 Hz per vehicle) until told to stop; returns 0. */
    private static int sendCot(String address, AtomicBoolean sending, Instant start) throws IOException, InterruptedException {
        String[] hostPort = address.split(":");
        GeoPoint[] origins = new GeoPoint[COT_VEHICLES];
        for (int v = 0; v < COT_VEHICLES; v++) {
            origins[v] = Geodesy.destination(GeoPoint.of(49.40, 34.40), 90, 2_000.0 * v);
        }
        try (java.net.Socket socket = new java.net.Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            var out = socket.getOutputStream();
            while (sending.get()) {
                Instant now = Instant.now();
                double elapsed = Duration.between(start, now).toNanos() / 1e9;
                StringBuilder events = new StringBuilder();
                for (int v = 0; v < COT_VEHICLES; v++) {
                    GeoPoint p = Geodesy.destination(origins[v], 0, 8 * elapsed);
                    events.append(String.format(Locale.ROOT, "<event version=\"2.0\" uid=\"k9-cot-%d\" type=\"a-h-G\" how=\"m-g\" "
                                    + "time=\"%s\" start=\"%s\" stale=\"%s\"><point lat=\"%.7f\" lon=\"%.7f\" hae=\"150\" ce=\"15\" "
                                    + "le=\"9999999\"/><detail/></event>",
                            v, now, now, now.plusSeconds(60), p.latitudeDeg(), p.longitudeDeg()));
                }
                try {
                    out.write(events.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    return 0; // the server died
                }
                Thread.sleep(100);
            }
        }
        return 0;
    }

    /** Polls /api/tracks until it lists at least {@code atLeast} tracks. */
    private static List<JsonNode> waitForTracks(HttpClient client, String http, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> tracks = List.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + http + "/api/tracks"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                tracks = new ArrayList<>();
                JSON.readTree(r.body()).forEach(tracks::add);
                if (tracks.size() >= atLeast) {
                    return tracks;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("only " + tracks.size() + " tracks after " + timeout.toSeconds() + " s, wanted " + atLeast);
    }
}
