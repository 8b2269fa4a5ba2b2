package org.vigil.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vigil.theatre.geo.GeoPoint;

/**
 * The HTTP and WebSocket API against a real server (Jetty on a free port, the watch pipeline,
 * SQLite in a temporary folder) with real clients: status codes, JSON fields, auth, limits.
 */
class ApiServerTest {

    @TempDir
    static Path data;

    static TestServer server;
    static ListAppender<ILoggingEvent> logs;
    static final List<String> WRONG_TOKENS = List.of("wrong-token-a91f", "Bearer-nope-77c1");

    @BeforeAll
    static void start() {
        logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        // Everything Vigil and Javalin say, at every level, must be free of the token.
        ((Logger) LoggerFactory.getLogger("org.vigil")).setLevel(Level.DEBUG);
        ((Logger) LoggerFactory.getLogger("io.javalin")).setLevel(Level.DEBUG);
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("org.vigil")).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("io.javalin")).setLevel(null);
    }

    private static String report(String sensor, Instant t, double lat, double lon) {
        return String.format(Locale.ROOT, "{\"sensor\":\"%s\",\"time\":\"%s\",\"lat\":%.6f,\"lon\":%.6f,\"sigmaM\":10,\"kind\":\"ground\"}",
                sensor, t, lat, lon);
    }

    @Test
    void healthNeedsNoTokenAndEveryDataEndpointDoes() throws Exception {
        HttpResponse<String> health = server.getWithout("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(health).get("status").asText()).isEqualTo("ok");

        for (String path : List.of("/api/tracks", "/api/alerts", "/api/sites", "/api/theatre", "/api/reports/1",
                "/api/plans/posture", "/metrics")) {
            HttpResponse<String> none = server.getWithout(path);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(TestServer.json(none).get("error").asText()).contains("token");
            for (String wrong : WRONG_TOKENS) {
                HttpResponse<String> bad = server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                        .header("Authorization", "Bearer " + wrong).build());
                assertThat(bad.statusCode()).as(path).isEqualTo(401);
            }
        }
        HttpResponse<String> post = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/reports"))
                .header("Authorization", "Bearer " + WRONG_TOKENS.get(0))
                .POST(HttpRequest.BodyPublishers.ofString(report("x", Instant.now(), 50, 30))).build());
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(server.get("/api/sites").statusCode()).isEqualTo(200);
    }

    @Test
    void theUiShellAndThePublicPageAreServedWithoutToken() throws Exception {
        HttpResponse<String> shell = server.getWithout("/");
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(shell.body()).containsIgnoringCase("<html");
        HttpResponse<String> page = server.getWithout("/public");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
        HttpResponse<String> status = server.getWithout("/api/public/status");
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode s = TestServer.json(status);
        assertThat(s.get("level").asText()).isIn("normal", "heightened");
        assertThat(s.get("updated").asText()).endsWith(":00Z");
        assertThat(s.get("delayMinutes").asInt()).isEqualTo(10);
        assertThat(Instant.parse(s.get("updated").asText())).isBefore(Instant.now().minusSeconds(9 * 60));
        assertThat(s.get("sites")).isNotEmpty();
        for (JsonNode site : s.get("sites")) {
            assertThat(site.get("kind").asText()).isIn("city", "nuclear_power_station", "port", "airport", "rail_hub",
                    "hydro_power_station", "thermal_power_station", "border_crossing");
            assertThat(site.get("status").asText()).isIn("normal", "heightened");
            // nothing about the force: exactly these fields
            assertThat(site.fieldNames()).toIterable().containsExactly("id", "name", "kind", "oblast", "lat", "lon", "status");
        }
        assertThat(s.toString()).doesNotContain("track", "sensor", "unit");
    }

    @Test
    void aReportIsAcknowledgedWithItsJournalIdAndReadBack() throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> r = server.post("/api/reports",
                "{\"sensor\":\"drone-7\",\"time\":\"" + t + "\",\"lat\":49.1,\"lon\":30.2,\"sigmaM\":25,\"kind\":\"ground\",\"uid\":\"det-1\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode ids = TestServer.json(r).get("ids");
        assertThat(ids).hasSize(1);
        long id = ids.get(0).asLong();
        assertThat(server.server.store().journal().get(id)).isPresent();

        JsonNode back = TestServer.json(server.get("/api/reports/" + id));
        assertThat(back.get("id").asLong()).isEqualTo(id);
        assertThat(back.get("sensor").asText()).isEqualTo("drone-7");
        assertThat(Instant.parse(back.get("time").asText())).isEqualTo(t);
        assertThat(back.get("lat").asDouble()).isEqualTo(49.1);
        assertThat(back.get("lon").asDouble()).isEqualTo(30.2);
        assertThat(back.get("sigmaM").asDouble()).isEqualTo(25.0);
        assertThat(back.get("kind").asText()).isEqualTo("ground");
        assertThat(back.get("uid").asText()).isEqualTo("det-1");
        assertThat(back.get("heightM").isNull()).isTrue();

        assertThat(server.get("/api/reports/999999999").statusCode()).isEqualTo(404);
        HttpResponse<String> badId = server.get("/api/reports/abc");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(badId).get("field").asText()).isEqualTo("id");
    }

    @Test
    void anArrayIsJournaledInOrder() throws Exception {
        Instant t = Instant.now();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            body.append(i == 0 ? "" : ",").append(report("op-" + i, t, 48 + i * 0.1, 31));
        }
        HttpResponse<String> r = server.post("/api/reports", body.append(']').toString());
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode ids = TestServer.json(r).get("ids");
        assertThat(ids).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode back = TestServer.json(server.get("/api/reports/" + ids.get(i).asLong()));
            assertThat(back.get("sensor").asText()).isEqualTo("op-" + i);
            if (i > 0) {
                assertThat(ids.get(i).asLong()).isGreaterThan(ids.get(i - 1).asLong());
            }
        }
    }

    @Test
    void aBadArrayIsRefusedNamingTheFieldAndJournalsNothing() throws Exception {
        long before = server.server.store().journal().lastId();
        Instant t = Instant.now();
        String body = "[" + report("a", t, 49, 30) + "," + report("b", t, 91.5, 30) + "," + report("c", t, 49, 30) + "]";
        HttpResponse<String> r = server.post("/api/reports", body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode err = TestServer.json(r);
        assertThat(err.get("field").asText()).isEqualTo("[1].lat");
        assertThat(err.get("error").asText()).contains("[1].lat").contains("-90").contains("90");

        HttpResponse<String> unknown = server.post("/api/reports", "[" + report("a", t, 49, 30) + ","
                + "{\"sensor\":\"b\",\"time\":\"" + t + "\",\"lat\":49,\"lon\":30,\"sigmaM\":5,\"colour\":\"red\"}]");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(unknown).get("field").asText()).isEqualTo("[1].colour");

        for (String bad : List.of("{\"sensor\":\"a\",\"lat\":1,\"lon\":1,\"sigmaM\":1}", // no time
                "{\"sensor\":\"a\",\"time\":\"yesterday\",\"lat\":1,\"lon\":1,\"sigmaM\":1}",
                "{\"sensor\":\"a\",\"time\":\"" + t + "\",\"lat\":\"1\",\"lon\":1,\"sigmaM\":1}",
                "{\"sensor\":\"a\",\"time\":\"" + t + "\",\"lat\":1,\"lon\":1,\"sigmaM\":0}",
                "{\"sensor\":\"a\",\"time\":\"" + t + "\",\"lat\":1,\"lon\":1,\"sigmaM\":1,\"kind\":\"tank\"}",
                "not json", "[]", "42")) {
            HttpResponse<String> one = server.post("/api/reports", bad);
            assertThat(one.statusCode()).as(bad).isEqualTo(400);
            assertThat(TestServer.json(one).get("error").asText()).isNotBlank();
        }
        assertThat(TestServer.json(server.post("/api/reports", "{\"sensor\":\"a\",\"lat\":1,\"lon\":1,\"sigmaM\":1}"))
                .get("field").asText()).isEqualTo("time");
        assertThat(server.server.store().journal().lastId()).isEqualTo(before);
    }

    @Test
    void aBodyPastTheLimitGets413AndJournalsNothing() throws Exception {
        long before = server.server.store().journal().lastId();
        String one = report("bulk", Instant.now(), 49, 30);
        StringBuilder body = new StringBuilder("[");
        while (body.length() <= ApiServer.MAX_BODY_BYTES) {
            body.append(body.length() == 1 ? "" : ",").append(one);
        }
        HttpResponse<String> r = server.post("/api/reports", body.append(']').toString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(r).get("error").asText()).contains(Integer.toString(ApiServer.MAX_BODY_BYTES));
        assertThat(server.server.store().journal().lastId()).isEqualTo(before);
    }

    @Test
    void sitesAndTheatreGeometry() throws Exception {
        JsonNode sites = TestServer.json(server.get("/api/sites"));
        assertThat(sites).hasSize(TestServer.UKRAINE.sites().size());
        JsonNode rivne = null;
        for (JsonNode s : sites) {
            if (s.get("id").asText().equals("npp-rivne")) {
                rivne = s;
            }
        }
        assertThat(rivne).isNotNull();
        assertThat(rivne.get("kind").asText()).isEqualTo("nuclear_power_station");
        assertThat(rivne.get("control").asText()).isEqualTo("government");
        assertThat(rivne.get("lat").asDouble()).isEqualTo(51.328);
        assertThat(rivne.get("capacityMw").asDouble()).isEqualTo(2835);

        HttpResponse<String> r = server.get("/api/theatre?standoffKm=50");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode fc = TestServer.json(r);
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        List<String> layers = new ArrayList<>();
        JsonNode band = null;
        for (JsonNode f : fc.get("features")) {
            layers.add(f.get("properties").get("layer").asText());
            if (f.get("properties").get("layer").asText().equals("standoff")) {
                band = f;
            }
        }
        assertThat(layers).contains("border", "neighbour", "contactLine", "occupied", "standoff");
        assertThat(band.get("properties").get("standoffKm").asDouble()).isEqualTo(50);
        // Every vertex of the band's outline lies 50 km (geodesic) from the line of contact, to 1 %.
        JsonNode rings = band.get("geometry").get("type").asText().equals("Polygon")
                ? band.get("geometry").get("coordinates") : band.get("geometry").get("coordinates").get(0);
        JsonNode outer = rings.get(0);
        assertThat(outer.size()).isGreaterThan(50);
        for (JsonNode c : outer) {
            double d = TestServer.UKRAINE.distanceToContactLineMetres(GeoPoint.of(c.get(1).asDouble(), c.get(0).asDouble()));
            assertThat(d).isBetween(49_500.0, 50_500.0);
        }
        assertThat(server.get("/api/theatre?standoffKm=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsCarryJvmHttpCotAndIngestFigures() throws Exception {
        server.post("/api/reports", report("metrics-probe", Instant.now(), 49, 30));
        HttpResponse<String> m = server.get("/metrics");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body()).contains("jvm_memory_used_bytes", "process_uptime_seconds",
                "http_server_requests_seconds_count{method=\"GET\",route=\"/health\"",
                "vigil_cot_connections_accepted_total", "vigil_cot_events_received_total",
                "vigil_reports_ingested_total{channel=\"http\"}", "vigil_journal_last_id", "vigil_ws_sessions");
        // values, not just names: the journal position is the store's, read at scrape time
        double lastId = m.body().lines().filter(l -> l.startsWith("vigil_journal_last_id ")).mapToDouble(
                l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
        assertThat(lastId).isEqualTo(server.server.store().journal().lastId());
        assertThat(lastId).isPositive();
    }

    @Test
    void anIsrPlanWrittenBesideTheServerIsServed() throws Exception {
        assertThat(server.get("/api/plans/isr/coverage").statusCode()).isEqualTo(404);
        java.nio.file.Files.createDirectories(data.resolve("isr"));
        String plan = "{\"status\":\"OPTIMAL\",\"tasks\":[{\"asset\":\"drone-1\",\"kind\":\"drone\"}]}";
        java.nio.file.Files.writeString(data.resolve("isr/isr-plan.json"), plan);
        HttpResponse<String> r = server.get("/api/plans/isr");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(r)).isEqualTo(TestServer.JSON.readTree(plan));
        assertThat(server.getWithout("/api/plans/isr").statusCode()).isEqualTo(401);
    }

    @Test
    void alertsListAndAcknowledgement() throws Exception {
        HttpResponse<String> list = server.get("/api/alerts?limit=10");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(list).isArray()).isTrue();
        assertThat(server.post("/api/alerts/987654/ack", "").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/alerts?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void webSocketRefusesAWrongTokenAndAcceptsTheRightOne() throws Exception {
        assertThatThrownBy(() -> server.live("?token=" + WRONG_TOKENS.get(0)))
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));

        try (TestServer.LiveClient late = server.live("")) {
            late.socket.sendText("{\"type\":\"auth\",\"token\":\"" + WRONG_TOKENS.get(1) + "\"}", true).join();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (late.closeCode < 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(late.closeCode).isEqualTo(LiveHub.CLOSE_UNAUTHORIZED);
            assertThat(late.messages).isEmpty();
        }
        try (TestServer.LiveClient byMessage = server.live("")) {
            byMessage.socket.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.TOKEN + "\"}", true).join();
            JsonNode snap = byMessage.next(m -> m.get("type").asText().equals("snapshot"), 5);
            assertThat(snap.get("tracks").isArray()).isTrue();
            assertThat(snap.get("alerts").isArray()).isTrue();
            byMessage.socket.sendText("{\"type\":\"ping\"}", true).join();
            byMessage.next(m -> m.get("type").asText().equals("pong"), 5);
        }
    }

    @Test
    void aVehicleBecomesATrackOnTheApiAndTheWebSocket() throws Exception {
        try (TestServer.LiveClient ws = server.live("?token=" + TestServer.TOKEN)) {
            ws.next(m -> m.get("type").asText().equals("snapshot"), 5);
            // A vehicle driving east at 10 m/s near Vinnytsia, seen by a drone every second for 30 s.
            // Its times start now: the tracker runs on report time and other tests may have moved
            // it to now already (reports more than 1 s behind it are journaled but not fused).
            Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            GeoPoint origin = GeoPoint.of(49.30, 28.30);
            StringBuilder body = new StringBuilder("[");
            for (int k = 0; k < 30; k++) {
                GeoPoint p = org.vigil.theatre.geo.Geodesy.destination(origin, 90, 10.0 * k);
                body.append(k == 0 ? "" : ",").append(report("drone-track-test", start.plusSeconds(k), p.latitudeDeg(), p.longitudeDeg()));
            }
            assertThat(server.post("/api/reports", body.append(']').toString()).statusCode()).isEqualTo(202);
            GeoPoint end = org.vigil.theatre.geo.Geodesy.destination(origin, 90, 290);

            JsonNode track = null;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (track == null && System.nanoTime() < deadline) {
                for (JsonNode t : TestServer.json(server.get("/api/tracks"))) {
                    if (org.vigil.theatre.geo.Geodesy.distanceMetres(end, GeoPoint.of(t.get("lat").asDouble(), t.get("lon").asDouble())) < 100) {
                        track = t;
                    }
                }
                Thread.sleep(100);
            }
            assertThat(track).as("a track near the vehicle's last position").isNotNull();
            assertThat(track.fieldNames()).toIterable().contains("id", "lat", "lon", "speedMps", "courseDeg", "sigmaM", "updated");
            assertThat(track.get("speedMps").asDouble()).isBetween(7.0, 13.0);
            assertThat(track.get("courseDeg").asDouble()).isBetween(80.0, 100.0);
            assertThat(track.get("sigmaM").asDouble()).isPositive().isLessThan(50);
            String id = track.get("id").asText();
            JsonNode pushed = ws.next(m -> m.get("type").asText().equals("tracks")
                    && m.get("tracks").findValuesAsText("id").contains(id), 10);
            assertThat(pushed.get("deleted").isArray()).isTrue();

            // the time slider's history holds the track's states, oldest first, within the window asked
            HttpResponse<String> h = server.get("/api/tracks/history?from=" + start + "&to=" + start.plusSeconds(60) + "&waitS=30");
            assertThat(h.statusCode()).isEqualTo(200);
            assertThat(h.headers().firstValue("X-Vigil-Truncated")).hasValue("false");
            List<Instant> times = new ArrayList<>();
            for (JsonNode state : TestServer.json(h)) {
                Instant u = Instant.parse(state.get("updated").asText());
                assertThat(u).isBetween(start, start.plusSeconds(60));
                if (state.get("id").asText().equals(id)) {
                    times.add(u);
                }
            }
            assertThat(times).isNotEmpty().isSorted();
            assertThat(server.get("/api/tracks/history?from=yesterday").statusCode()).isEqualTo(400);
            HttpResponse<String> one = server.get("/api/tracks/history?from=" + start + "&to=" + start.plusSeconds(60) + "&limit=1&waitS=30");
            assertThat(TestServer.json(one)).hasSize(1);
        }
    }

    @Test
    void fiveThousandBusyTracksReachTheBrowserAtMostOnceASecondEach() throws Exception {
        try (TestServer.LiveClient ws = server.live("?token=" + TestServer.TOKEN)) {
            ws.next(m -> m.get("type").asText().equals("snapshot"), 5);
            // The hub is the pipeline's listener: feed it 5,000 tracks changing every 10 ms for 3 s.
            LiveHub hub = server.server.api().hub();
            int n = 5_000;
            long start = System.nanoTime();
            int round = 0;
            while (System.nanoTime() - start < 3_000_000_000L) {
                for (int i = 0; i < n; i++) {
                    hub.trackChanged(new org.vigil.watch.TrackView("load-" + i, 48 + i * 1e-4, 30 + round * 1e-6, 5, 90, 20,
                            Instant.now(), "ground"));
                }
                round++;
                Thread.sleep(10);
            }
            int lastRound = round - 1;
            for (int i = 0; i < 10; i++) {
                hub.trackDeleted("load-" + i);
            }
            double windowSeconds = (System.nanoTime() - start) / 1e9 + 2;
            java.util.Map<String, Integer> updates = new java.util.HashMap<>();
            java.util.Map<String, Double> lastLon = new java.util.HashMap<>();
            java.util.Set<String> deleted = new java.util.HashSet<>();
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                JsonNode m = ws.messages.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (m == null || !m.get("type").asText().equals("tracks")) {
                    continue;
                }
                assertThat(m.get("tracks").size()).isLessThanOrEqualTo(n);
                for (JsonNode t : m.get("tracks")) {
                    updates.merge(t.get("id").asText(), 1, Integer::sum);
                    lastLon.put(t.get("id").asText(), t.get("lon").asDouble());
                }
                m.get("deleted").forEach(d -> deleted.add(d.asText()));
            }
            // 200+ changes per track offered; at most one a second (plus the first) delivered
            assertThat(round).isGreaterThan(100);
            for (int i = 10; i < n; i++) {
                assertThat(updates.getOrDefault("load-" + i, 0)).as("updates of load-" + i).isBetween(1, (int) windowSeconds + 2);
                // latest state wins: the last update shows the last round's position
                assertThat(lastLon.get("load-" + i)).isCloseTo(30 + lastRound * 1e-6, org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(deleted).containsExactlyInAnyOrder("load-0", "load-1", "load-2", "load-3", "load-4", "load-5", "load-6",
                    "load-7", "load-8", "load-9");
            for (int i = 10; i < n; i++) {
                hub.trackDeleted("load-" + i);
            }
        }
    }

    @Test
    void aCapSweepRunsInTheBackgroundWithProgressAndIsStoredForTheChart() throws Exception {
        try (TestServer.LiveClient ws = server.live("?token=" + TestServer.TOKEN)) {
            ws.next(m -> m.get("type").asText().equals("snapshot"), 5);
            HttpResponse<String> one = server.post("/api/plans/posture/sweep", "{\"caps\":[20000]}");
            assertThat(one.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(one).get("field").asText()).isEqualTo("caps");
            HttpResponse<String> half = server.post("/api/plans/posture/sweep", "{\"caps\":[10000,12500.5]}");
            assertThat(TestServer.json(half).get("field").asText()).isEqualTo("caps[1]");
            HttpResponse<String> tooLong = server.post("/api/plans/posture/sweep", "{\"caps\":[10000,20000,30000],\"timeLimitS\":300}");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(tooLong).get("error").asText()).contains("at most 600 s");

            // given out of order; solved (and stored) in increasing order
            HttpResponse<String> started = server.post("/api/plans/posture/sweep", "{\"caps\":[20000,8000],\"timeLimitS\":4}");
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode job = TestServer.json(started).get("job");
            String id = job.get("id").asText();
            assertThat(job.get("kind").asText()).isEqualTo("sweep");
            assertThat(job.get("caps").toString()).isEqualTo("[8000,20000]");
            assertThat(server.post("/api/plans/posture", "{}").statusCode()).as("one solver at a time").isEqualTo(409);

            JsonNode midway = ws.next(m -> m.get("type").asText().equals("planJob") && m.get("job").get("id").asText().equals(id)
                    && m.get("job").get("state").asText().equals("running") && m.get("job").get("progress").asDouble() > 0, 60);
            assertThat(midway.get("job").get("progress").asDouble()).isLessThan(1.0);
            assertThat(midway.get("job").get("message").asText()).startsWith("planning at cap");
            JsonNode done = ws.next(m -> m.get("type").asText().equals("planJob")
                    && m.get("job").get("id").asText().equals(id) && !m.get("job").get("state").asText().equals("running"), 120);
            assertThat(done.get("job").get("state").asText()).isEqualTo("done");
            long sweepId = done.get("job").get("sweepId").asLong();
            assertThat(sweepId).isPositive();

            JsonNode sweep = TestServer.json(server.get("/api/plans/posture/sweep"));
            assertThat(sweep.get("standoffKm").asDouble()).isEqualTo(50);
            JsonNode points = sweep.get("points");
            assertThat(points).hasSize(2);
            assertThat(points.get(0).get("cap").asInt()).isEqualTo(8000);
            assertThat(points.get(1).get("cap").asInt()).isEqualTo(20000);
            for (JsonNode p : points) {
                assertThat(p.get("status").asText()).isIn("OPTIMAL", "FEASIBLE");
                assertThat(p.get("totalStrength").asInt()).isPositive().isLessThanOrEqualTo(p.get("cap").asInt());
            }
            // more troops never protect less (the sweep starts each cap from the last plan)
            assertThat(points.get(1).get("objective").asDouble()).isGreaterThan(points.get(0).get("objective").asDouble());
            assertThat(points.get(1).get("guarded").asInt()).isGreaterThanOrEqualTo(points.get(0).get("guarded").asInt());
        }
    }

    @Test
    void aPosturePlanRunsInTheBackgroundIsSavedAndReportedOnTheWebSocket() throws Exception {
        try (TestServer.LiveClient ws = server.live("?token=" + TestServer.TOKEN)) {
            ws.next(m -> m.get("type").asText().equals("snapshot"), 5);
            assertThat(server.post("/api/plans/posture", "{\"cap\":\"many\"}").statusCode()).isEqualTo(400);
            assertThat(server.post("/api/plans/posture", "{\"cap\":20000,\"standoffKm\":5000}").statusCode()).isEqualTo(400);
            HttpResponse<String> started = server.post("/api/plans/posture", "{\"cap\":20000,\"standoffKm\":60,\"timeLimitS\":5}");
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode job = TestServer.json(started).get("job");
            String id = job.get("id").asText();
            assertThat(job.get("state").asText()).isEqualTo("running");
            assertThat(server.post("/api/plans/posture", "{}").statusCode()).isEqualTo(409);

            JsonNode done = ws.next(m -> m.get("type").asText().equals("planJob")
                    && m.get("job").get("id").asText().equals(id) && !m.get("job").get("state").asText().equals("running"), 120);
            assertThat(done.get("job").get("state").asText()).isEqualTo("done");
            assertThat(done.get("job").get("planStatus").asText()).isIn("OPTIMAL", "FEASIBLE");
            assertThat(done.get("job").get("progress").asDouble()).isEqualTo(1.0);
            long planId = done.get("job").get("planId").asLong();

            JsonNode polled = TestServer.json(server.get("/api/plans/posture/jobs/" + id));
            assertThat(polled.get("state").asText()).isEqualTo("done");
            assertThat(server.get("/api/plans/posture/jobs/p999").statusCode()).isEqualTo(404);

            JsonNode latest = TestServer.json(server.get("/api/plans/posture"));
            assertThat(latest.get("id").asLong()).isEqualTo(planId);
            JsonNode plan = latest.get("plan");
            assertThat(plan.get("cap").asInt()).isEqualTo(20000);
            assertThat(plan.get("standoffKm").asDouble()).isEqualTo(60);
            assertThat(plan.get("totalStrength").asInt()).isPositive().isLessThan(20000);
            for (JsonNode station : plan.get("stations")) {
                double d = TestServer.UKRAINE.distanceToContactLineMetres(GeoPoint.of(station.get("lat").asDouble(), station.get("lon").asDouble()));
                assertThat(d).isGreaterThanOrEqualTo(60_000);
            }
        }
    }

    @AfterAll
    static void theTokenIsNeverLogged() {
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        for (String line : lines) {
            assertThat(line).doesNotContain(TestServer.TOKEN);
            WRONG_TOKENS.forEach(w -> assertThat(line).doesNotContain(w));
        }
    }
}
