package org.vigil.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.site.Site;

/**
 * Issue 6's end-to-end alert, HTTP side: a scripted vehicle reported over {@code POST /api/reports}
 * drives towards Rivne nuclear power station and raises exactly one proximity alert, seen on
 * {@code GET /api/alerts} and on the WebSocket; acknowledging it changes that alert, not a new one.
 * (The watch module's own test covers the CoT side: the same alert reaching a TAK client.)
 */
class AlertEndToEndTest {

    @TempDir
    Path data;

    @Test
    void aVehicleApproachingAnNppRaisesExactlyOneProximityAlert() throws Exception {
        Site npp = TestServer.UKRAINE.site("npp-rivne").orElseThrow();
        try (TestServer server = TestServer.start(data);
             TestServer.LiveClient ws = server.live("?token=" + TestServer.TOKEN)) {
            ws.next(m -> m.get("type").asText().equals("snapshot"), 5);
            // 20 km due north of the plant, driving south at 20 m/s, a report every second for
            // 10 minutes of (past) report time: inside the 15 km radius from t = 250 s, at 8 km at the end.
            GeoPoint start = Geodesy.destination(npp.location(), 0, 20_000);
            Instant t0 = Instant.now().minusSeconds(700).truncatedTo(ChronoUnit.SECONDS);
            for (int batch = 0; batch < 10; batch++) {
                StringBuilder body = new StringBuilder("[");
                for (int k = batch * 60; k < (batch + 1) * 60; k++) {
                    GeoPoint p = Geodesy.destination(start, 180, 20.0 * k);
                    body.append(k == batch * 60 ? "" : ",").append(String.format(Locale.ROOT,
                            "{\"sensor\":\"op-rivne\",\"time\":\"%s\",\"lat\":%.7f,\"lon\":%.7f,\"sigmaM\":10,\"kind\":\"ground\"}",
                            t0.plusSeconds(k), p.latitudeDeg(), p.longitudeDeg()));
                }
                HttpResponse<String> r = server.post("/api/reports", body.append(']').toString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }

            JsonNode pushed = ws.next(m -> m.get("type").asText().equals("alert") && isRivneProximity(m.get("alert")), 15);
            long id = pushed.get("alert").get("id").asLong();
            assertThat(pushed.get("alert").get("trackId").asText()).isNotBlank();
            assertThat(pushed.get("alert").get("open").asBoolean()).isTrue();

            // let the rest of the run reach the rules, then count
            Thread.sleep(3_000);
            List<JsonNode> listed = new ArrayList<>();
            for (JsonNode a : TestServer.json(server.get("/api/alerts?limit=1000"))) {
                if (isRivneProximity(a)) {
                    listed.add(a);
                }
            }
            assertThat(listed).hasSize(1);
            JsonNode alert = listed.get(0);
            assertThat(alert.get("id").asLong()).isEqualTo(id);
            assertThat(alert.get("acknowledged").asBoolean()).isFalse();
            assertThat(alert.get("lat").asDouble()).isEqualTo(npp.location().latitudeDeg());
            assertThat(alert.get("lon").asDouble()).isEqualTo(npp.location().longitudeDeg());
            assertThat(Instant.parse(alert.get("time").asText())).isBetween(t0.plusSeconds(240), t0.plusSeconds(600));

            Set<Long> pushedIds = new HashSet<>();
            for (JsonNode m : ws.messages) {
                if (m.get("type").asText().equals("alert") && isRivneProximity(m.get("alert"))) {
                    pushedIds.add(m.get("alert").get("id").asLong());
                }
            }
            pushedIds.add(id);
            assertThat(pushedIds).containsExactly(id);

            HttpResponse<String> ack = server.post("/api/alerts/" + id + "/ack", "");
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(ack).get("acknowledged").asBoolean()).isTrue();
            JsonNode changed = ws.next(m -> m.get("type").asText().equals("alert") && m.get("alert").get("id").asLong() == id
                    && m.get("alert").get("acknowledged").asBoolean(), 5);
            assertThat(isRivneProximity(changed.get("alert"))).isTrue();
            long stillOne = 0;
            for (JsonNode a : TestServer.json(server.get("/api/alerts?limit=1000"))) {
                if (isRivneProximity(a)) {
                    stillOne++;
                    assertThat(a.get("acknowledged").asBoolean()).isTrue();
                }
            }
            assertThat(stillOne).isEqualTo(1);
        }
    }

    private static boolean isRivneProximity(JsonNode alert) {
        return alert.get("rule").asText().equals("proximity") && "npp-rivne".equals(alert.get("siteId").asText(null));
    }
}
