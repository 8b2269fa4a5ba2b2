package org.vigil.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;

/**
 * The time slider's history comes from the journal, not from the memory of the server that
 * received the reports: reports journaled through {@code POST /api/reports} on one server are
 * asked for from a second server opened on the same data folder after the first has stopped, and
 * the replayed tracks are where the vehicles were, at the steps asked, under the ids they had live.
 */
class JournalHistoryTest {

    @TempDir
    Path data;

    /** Two vehicles near Vinnytsia, 20 km apart: one east at 10 m/s, one north at 8 m/s, a drone report every second for 90 s. */
    private static final GeoPoint EAST_START = GeoPoint.of(49.30, 28.30);
    private static final GeoPoint NORTH_START = GeoPoint.of(49.10, 28.60);
    private static final int SECONDS = 90;

    private static GeoPoint east(double t) {
        return Geodesy.destination(EAST_START, 90, 10.0 * t);
    }

    private static GeoPoint north(double t) {
        return Geodesy.destination(NORTH_START, 0, 8.0 * t);
    }

    private static String report(String sensor, Instant t, GeoPoint p) {
        return String.format(Locale.ROOT, "{\"sensor\":\"%s\",\"time\":\"%s\",\"lat\":%.7f,\"lon\":%.7f,\"sigmaM\":10,\"kind\":\"ground\"}",
                sensor, t, p.latitudeDeg(), p.longitudeDeg());
    }

    @Test
    void aSecondServerOnTheSameDataReplaysTheJournaledTracksAtTheirPlaces() throws Exception {
        Instant start;
        Map<String, String> liveIds = new HashMap<>();
        try (TestServer first = TestServer.start(data)) {
            // 90 s of data around now (the server refuses reports over 60 s ahead of its clock),
            // one request per second of data, as a drone would send them, sent without waiting
            start = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            for (int k = 0; k < SECONDS; k++) {
                String body = "[" + report("drone-e", start.plusSeconds(k), east(k)) + ","
                        + report("drone-n", start.plusSeconds(k), north(k)) + "]";
                assertThat(first.post("/api/reports", body).statusCode()).isEqualTo(202);
            }
            // the live tracks, whose ids the replay must give again
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (liveIds.size() < 2 && System.nanoTime() < deadline) {
                for (JsonNode t : TestServer.json(first.get("/api/tracks"))) {
                    GeoPoint p = GeoPoint.of(t.get("lat").asDouble(), t.get("lon").asDouble());
                    if (Geodesy.distanceMetres(p, east(SECONDS - 1)) < 100) {
                        liveIds.put("east", t.get("id").asText());
                    } else if (Geodesy.distanceMetres(p, north(SECONDS - 1)) < 100) {
                        liveIds.put("north", t.get("id").asText());
                    }
                }
                Thread.sleep(100);
            }
            assertThat(liveIds).as("both vehicles became live tracks").containsKeys("east", "north");
        }

        try (TestServer second = TestServer.start(data)) {
            String window = "from=" + start.minusSeconds(10) + "&to=" + start.plusSeconds(SECONDS + 10);
            // The first answer may be 202 (the replay is running); it says how far it got. Ask until done.
            HttpResponse<String> h = second.get("/api/tracks/history?" + window + "&stepS=5&waitS=0");
            // a report arriving in the window meanwhile does not start another replay for the client's polls
            assertThat(second.post("/api/reports", report("drone-late", start.plusSeconds(SECONDS), east(SECONDS)))
                    .statusCode()).isEqualTo(202);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (h.statusCode() == 202 && System.nanoTime() < deadline) {
                JsonNode progress = TestServer.json(h);
                assertThat(progress.get("state").asText()).isIn("queued", "running");
                assertThat(progress.get("reports").asLong()).isEqualTo(2L * SECONDS);
                assertThat(progress.get("progress").asDouble()).isBetween(0.0, 1.0);
                assertThat(h.headers().firstValue("Retry-After")).isPresent();
                Thread.sleep(200);
                h = second.get("/api/tracks/history?" + window + "&stepS=5&waitS=5");
            }
            assertThat(h.statusCode()).as(h.body()).isEqualTo(200);
            assertThat(h.headers().firstValue("X-Vigil-Replayed-Reports")).hasValue(String.valueOf(2 * SECONDS));
            JsonNode states = TestServer.json(h);

            Map<String, Integer> seen = new HashMap<>();
            Instant previous = Instant.MIN;
            for (JsonNode s : states) {
                Instant u = Instant.parse(s.get("updated").asText());
                assertThat(u).as("oldest first").isAfterOrEqualTo(previous);
                previous = u;
                double t = (u.toEpochMilli() - start.toEpochMilli()) / 1000.0;
                GeoPoint p = GeoPoint.of(s.get("lat").asDouble(), s.get("lon").asDouble());
                String id = s.get("id").asText();
                String vehicle = id.equals(liveIds.get("east")) ? "east" : id.equals(liveIds.get("north")) ? "north" : null;
                assertThat(vehicle).as("state %s belongs to one of the live tracks %s", s, liveIds).isNotNull();
                GeoPoint truth = vehicle.equals("east") ? east(t) : north(t);
                assertThat(Geodesy.distanceMetres(p, truth)).as("%s at %s: where the vehicle was", id, u).isLessThan(40);
                seen.merge(vehicle, 1, Integer::sum);
            }
            // one state per track per 5 s step over the 90 s (the first few seconds confirm the track)
            assertThat(seen.get("east")).isBetween(14, 19);
            assertThat(seen.get("north")).isBetween(14, 19);

            // asked again: the cached replay
            HttpResponse<String> again = second.get("/api/tracks/history?" + window + "&stepS=5&waitS=5");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().firstValue("X-Vigil-Cached")).hasValue("true");
            assertThat(TestServer.json(again)).hasSize(states.size());

            // a window past the limit is refused, naming it; so are bad steps
            HttpResponse<String> tooLong = second.get("/api/tracks/history?from=" + start.minus(7, ChronoUnit.HOURS) + "&to=" + start);
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(tooLong).get("error").asText()).contains("6 h");
            assertThat(TestServer.json(tooLong).get("field").asText()).isEqualTo("from");
            HttpResponse<String> badStep = second.get("/api/tracks/history?stepS=0");
            assertThat(badStep.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(badStep).get("field").asText()).isEqualTo("stepS");
        }
    }
}
