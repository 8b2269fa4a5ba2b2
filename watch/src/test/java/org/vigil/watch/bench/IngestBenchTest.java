package org.vigil.watch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cot.server.CotServer;
import org.vigil.cot.server.CotServerConfig;
import org.vigil.store.Store;
import org.vigil.store.Stores;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.watch.Pipeline;
import org.vigil.watch.PipelineConfig;
import org.vigil.watch.rules.AlertRules;

/**
 * The bench against a real pipeline, COP server and SQLite journal (small load): every target
 * becomes a track, latency samples arrive, and nothing sent is lost by the journal's count.
 */
class IngestBenchTest {

    @Test
    void smallRunSeesEveryTargetAsATrackAndLosesNothing(@TempDir Path dir) throws Exception {
        CotServer server = new CotServer(CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, -1, -1, null));
        int port = server.start().tcp();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (Store store = Stores.open(dir, Optional.empty())) {
            Pipeline p = new Pipeline(TheatreLoader.bundledUkraine(), store, AlertRules.defaults(), Clock.systemUTC(),
                    PipelineConfig.defaults()).start();
            p.attach(server);
            http.createContext("/metrics", ex -> {
                boolean ok = "Bearer s3cret".equals(ex.getRequestHeaders().getFirst("Authorization"));
                long n = p.stats().ingestedByChannel().getOrDefault("cot", 0L);
                byte[] body = ("# TYPE vigil_reports_ingested_total counter\n"
                        + "vigil_reports_ingested_total{channel=\"http\"} 7.0\n"
                        + "vigil_reports_ingested_total{channel=\"cot\"} " + n + ".0\n").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(ok ? 200 : 401, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            http.start();
            IngestBench.Config c = new IngestBench.Config("127.0.0.1", port, 4, 100, Duration.ofSeconds(6),
                    Duration.ofSeconds(2), 20, "pb", "http://127.0.0.1:" + http.getAddress().getPort() + "/metrics",
                    "s3cret", 1, Duration.ofMillis(20));
            List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            IngestBench.Result r = new IngestBench(c).run(Duration.ofSeconds(1), progress::add);
            p.close();
            // a line a second: warm-up, then the measured window, sending 400 detections a second
            assertThat(progress).hasSizeGreaterThanOrEqualTo(8);
            assertThat(progress.getFirst()).contains("(warm-up, ");
            assertThat(progress.get(4)).contains("(measuring, ").containsPattern("sent (3[5-9]\\d|4[0-4]\\d)/s");
            assertThat(r.sent()).isBetween(2000L, 2800L);
            assertThat(r.lost()).isZero();
            assertThat(r.accepted()).isBetween(2000L, 2800L);
            assertThat(r.targets()).isEqualTo(80);
            assertThat(r.tracks()).isEqualTo(80);
            assertThat(r.samples()).isGreaterThan(40); // tracks go to TAK clients every 5 s at most
            assertThat(r.p50Ms()).isLessThanOrEqualTo(r.p99Ms());
            assertThat(r.p99Ms()).isLessThanOrEqualTo(r.maxMs());
            assertThat(store.journal().lastId()).isEqualTo(p.stats().ingested());
            assertThat(r.cpu()).isNotNull(); // Linux: /proc/stat
            assertThat(r.cpu().busyPercent()).isBetween(0.1, 100.0);
        } finally {
            http.stop(0);
            server.close();
        }
    }

    @Test
    void theCpuShareSplitsBusyIdleAndStolenTime() {
        // user nice system idle iowait irq softirq steal: 150 busy, 200 idle, 50 stolen of 400
        IngestBench.CpuShare share = IngestBench.CpuShare.between(new long[] {100, 0, 50, 800, 50, 0, 0, 0},
                new long[] {200, 0, 100, 1000, 50, 0, 0, 50});
        assertThat(share.busyPercent()).isEqualTo(37.5);
        assertThat(share.stealPercent()).isEqualTo(12.5);
        assertThat(IngestBench.CpuShare.between(null, new long[8])).isNull();
    }

    @Test
    void readsTheJournaledCotCountFromPrometheusText() {
        assertThat(IngestBench.ingestedCot("# HELP x\nvigil_reports_ingested_total{channel=\"sim\"} 3.0\n"
                + "vigil_reports_ingested_total{channel=\"cot\"} 1.2345E7\n")).isEqualTo(12_345_000L);
        assertThat(IngestBench.ingestedCot("jvm_threads 4\n")).isZero();
    }
}
