package org.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.server.CotServer;
import org.vigil.cot.server.CotServerConfig;
import org.vigil.store.JournalEntry;
import org.vigil.store.Store;
import org.vigil.store.Stores;
import org.vigil.watch.cot.CotReports;
import org.vigil.watch.rules.AlertRules;

/**
 * Over a real socket: hostile/unknown atoms are detections and are journaled as received
 * (protobuf); TAK users' own positions and Vigil's own tracks are not; a journaled CoT
 * detection reads back as the same report after a restart.
 */
class CotIngestTest {

    static CotEvent event(String uid, String type, Instant t, double lat, double lon, double ce, String producer) {
        Detail d = producer == null ? Detail.EMPTY : new Detail(List.of(XmlElement.empty("link",
                List.of(new XmlAttribute("uid", producer), new XmlAttribute("type", "a-f-A-M-F-Q"),
                        new XmlAttribute("relation", "p-p")))));
        return CotEvent.of(uid, type, "m-g", t, t.plusSeconds(120), new CotPoint(lat, lon, CotPoint.UNKNOWN, ce, CotPoint.UNKNOWN), d);
    }

    @Test
    void onlyDetectionsAreJournaledAndTheyReplayAsTheSameReports(@TempDir Path dir) throws Exception {
        Instant t = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        CotServer server = new CotServer(CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, -1, -1, null));
        int port = server.start().tcp();
        Report expected = new Report("uav-3", t, 49.5, 32.1, Double.NaN, 15, "ground", "uav-3.target-1");
        try {
            try (Store store = Stores.open(dir, Optional.empty()); TakClient tak = new TakClient(port)) {
                Pipeline p = new Pipeline(PipelineEndToEndTest.THEATRE, store, AlertRules.defaults(), Clock.systemUTC(),
                        PipelineConfig.defaults()).start();
                p.attach(server);
                tak.send(event("ANDROID-1", "a-f-G-U-C", t, 49.4, 32.0, 5, null));          // a user's own position
                tak.send(event("vigil-track-T99", "a-u-G", t, 49.4, 32.0, 5, null));        // our own output, echoed
                tak.send(event("uav-3.target-1", "a-h-G-E-V", t, 49.5, 32.1, 15, "uav-3")); // a detection
                tak.send(event("op-2.t7", "a-u-G", t, 49.6, 32.2, CotPoint.UNKNOWN, null));  // an observer's report, no ce
                tak.send(event("bad-1", "a-h-G", t.plusSeconds(3600), 49.6, 32.2, 10, null)); // a clock an hour ahead
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (p.stats().ingested() + p.stats().rejected() < 3 && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                p.close();
                assertThat(store.journal().lastId()).isEqualTo(2);
                assertThat(p.stats().ingestedByChannel()).containsEntry("cot", 2L);
                assertThat(p.stats().rejected()).isEqualTo(1);
                JournalEntry e = store.journal().get(1).orElseThrow();
                assertThat(e.channel()).isEqualTo("cot");
                assertThat(e.contentType()).isEqualTo(CotReports.CONTENT_TYPE);
                assertThat(p.report(1)).contains(expected);
                assertThat(p.report(2).orElseThrow().sigmaM()).isEqualTo(50); // the default when ce is unknown
                assertThat(p.report(2).orElseThrow().sensor()).isEqualTo("op-2"); // the uid up to its first dot
            }
            try (Store store = Stores.open(dir, Optional.empty())) {
                Pipeline p = new Pipeline(PipelineEndToEndTest.THEATRE, store, AlertRules.defaults(), Clock.systemUTC(),
                        PipelineConfig.defaults()).start();
                assertThat(p.report(1)).contains(expected);
                p.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void classification() {
        CotReports c = CotReports.defaults();
        Instant t = Instant.now();
        assertThat(c.isDetection(event("a", "a-h-A-M-F", t, 1, 1, 1, null))).isTrue();
        assertThat(c.detection(event("a", "a-h-A-M-F", t, 1, 1, 1, null)).orElseThrow().kind()).isEqualTo("air");
        assertThat(c.detection(event("a", "a-s-S", t, 1, 1, 1, null)).orElseThrow().kind()).isEqualTo("sea");
        assertThat(c.isDetection(event("a", "a-f-G-U-C", t, 1, 1, 1, null))).isFalse();
        assertThat(c.isDetection(event("a", "a-a-G", t, 1, 1, 1, null))).isFalse();
        assertThat(c.isDetection(event("a", "b-m-p-s-m", t, 1, 1, 1, null))).isFalse();
        assertThat(c.isDetection(event("vigil-alert-3", "a-h-G", t, 1, 1, 1, null))).isFalse();
        assertThat(new CotReports(List.of("b-d"), 30).isDetection(event("a", "b-d-r", t, 1, 1, 1, null))).isTrue();
    }
}
