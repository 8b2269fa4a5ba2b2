package org.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.server.BoundPorts;
import org.vigil.cot.server.CotServer;
import org.vigil.cot.server.CotServerConfig;
import org.vigil.store.Store;
import org.vigil.store.StoredAlert;
import org.vigil.store.Stores;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.watch.cot.CotReports;
import org.vigil.watch.rules.AlertRules;

/**
 * A scripted vehicle drives at Rivne NPP, reporting every second, through a real SQLite journal
 * and a real COP server with a TAK client on a socket: exactly one proximity alert, told to the
 * listener and sent to the client as a CoT alert.
 */
class PipelineEndToEndTest {

    static final Theatre THEATRE = TheatreLoader.bundledUkraine();
    static final GeoPoint RIVNE_NPP = THEATRE.site("npp-rivne").orElseThrow().location();

    /** A vehicle 40 km west of the station driving east at 15 m/s until 3 km short: one report a second, 20 m noise. */
    static List<Report> approach(Instant start, String sensor, long seed) {
        Random rnd = new Random(seed);
        GeoPoint from = Geodesy.destination(RIVNE_NPP, 270, 40_000);
        List<Report> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            double along = 15.0 * k;
            if (40_000 - along < 3_000) {
                break;
            }
            GeoPoint p = Geodesy.destination(from, 90, along);
            double lat = p.latitudeDeg() + rnd.nextGaussian() * 20 / 111_320;
            double lon = p.longitudeDeg() + rnd.nextGaussian() * 20 / (111_320 * Math.cos(Math.toRadians(p.latitudeDeg())));
            out.add(new Report(sensor, start.plusSeconds(k), lat, lon, Double.NaN, 20, "ground", sensor + "-" + k));
        }
        return out;
    }

    static void feed(Pipeline p, List<Report> reports, int chunk) {
        for (int i = 0; i < reports.size(); i += chunk) {
            p.ingest("sim", reports.subList(i, Math.min(reports.size(), i + chunk))).join();
        }
    }

    static void awaitFused(Pipeline p, long reports) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (p.stats().fused() + p.stats().late() < reports && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
    }

    @Test
    void vehicleApproachingNuclearStationRaisesExactlyOneProximityAlertAtListenerAndTakClient(@TempDir Path dir)
            throws Exception {
        Instant now = Instant.now();
        List<Report> script = approach(now.minusSeconds(3000), "drone-7", 1);
        List<Alert> heard = new CopyOnWriteArrayList<>();
        CotServer server = new CotServer(CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, -1, -1, null));
        BoundPorts ports = server.start();
        try (Store store = Stores.open(dir, Optional.empty());
             TakClient tak = new TakClient(ports.tcp())) {
            Pipeline pipeline = new Pipeline(THEATRE, store, AlertRules.defaults(), Clock.systemUTC(),
                    PipelineConfig.defaults()).start();
            pipeline.attach(server);
            pipeline.addListener(new LiveListener() {
                @Override
                public void trackChanged(TrackView track) {
                }

                @Override
                public void trackDeleted(String trackId) {
                }

                @Override
                public void alertChanged(Alert alert) {
                    heard.add(alert);
                }
            });
            Thread.sleep(200); // the client has joined
            feed(pipeline, script, 10);
            awaitFused(pipeline, script.size());

            List<CotEvent> alerts = tak.await(e -> e.type().equals(CotReports.ALERT_TYPE), Duration.ofSeconds(5));
            Thread.sleep(300);
            alerts = tak.received(e -> e.type().equals(CotReports.ALERT_TYPE));
            List<StoredAlert> stored = store.alerts().recent(100);
            pipeline.close();

            assertThat(stored).hasSize(1);
            StoredAlert a = stored.getFirst();
            assertThat(a.rule()).isEqualTo("proximity");
            assertThat(a.siteId()).isEqualTo("npp-rivne");
            assertThat(a.open()).isTrue();
            assertThat(pipeline.tracks()).hasSize(1);
            assertThat(a.trackId()).isEqualTo(pipeline.tracks().getFirst().id());
            // the alert fires when the track comes within 15 km, not before: the rules see each track's
            // state after each fused batch, and the script is fed 10 reports (10 s) at a time
            Report firstInside = script.stream().filter(r -> Geodesy.distanceMetres(new GeoPoint(r.latDeg(), r.lonDeg()),
                    RIVNE_NPP) <= 15_000).findFirst().orElseThrow();
            assertThat(a.time()).isBetween(firstInside.time().minusSeconds(3), firstInside.time().plusSeconds(15));

            assertThat(heard).hasSize(1);
            assertThat(heard.getFirst().id()).isEqualTo(a.id());
            assertThat(heard.getFirst().rule()).isEqualTo("proximity");

            assertThat(alerts).hasSize(1);
            CotEvent e = alerts.getFirst();
            assertThat(e.uid()).isEqualTo("vigil-alert-" + a.id());
            var va = e.detail().first("vigilalert").orElseThrow();
            assertThat(va.attribute("rule")).contains("proximity");
            assertThat(va.attribute("site")).contains("npp-rivne");
            assertThat(va.attribute("track")).contains(a.trackId());
            assertThat(Geodesy.distanceMetres(new GeoPoint(e.point().latDeg(), e.point().lonDeg()), RIVNE_NPP))
                    .isLessThan(15_100);
            // and the track itself went out as CoT, carrying the report that last updated it
            List<CotEvent> tracks = tak.received(t -> t.uid().equals("vigil-track-" + a.trackId()));
            assertThat(tracks).isNotEmpty();
            assertThat(tracks.getLast().type()).isEqualTo("a-u-G");
            assertThat(tracks.getLast().detail().first("vigil").orElseThrow().attribute("lastReportUid").orElseThrow())
                    .startsWith("drone-7-");
        } finally {
            server.close();
        }
    }
}
