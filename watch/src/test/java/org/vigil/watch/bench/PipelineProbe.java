package org.vigil.watch.bench;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
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

/** CPU per report by thread, bench and server in one JVM; runs only with -Dprobe=true. */
class PipelineProbe {

    @Test
    void probe(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("probe"));
        int connections = Integer.getInteger("connections", 20);
        int rate = Integer.getInteger("rate", 250);
        int targets = Integer.getInteger("targetsPer", 100);
        int seconds = Integer.getInteger("seconds", 10);
        CotServer server = new CotServer(CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, -1, -1, null));
        int port = server.start().tcp();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (Store store = Stores.open(dir, Optional.empty())) {
            Pipeline p = new Pipeline(TheatreLoader.bundledUkraine(), store, AlertRules.defaults(), Clock.systemUTC(),
                    PipelineConfig.defaults()).start();
            p.attach(server);
            http.createContext("/metrics", ex -> {
                byte[] body = ("vigil_reports_ingested_total{channel=\"cot\"} "
                        + p.stats().ingestedByChannel().getOrDefault("cot", 0L) + "\n").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            http.start();
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/metrics";
            for (int round = 0; round < Integer.getInteger("rounds", 2); round++) {
                Map<String, Long> before = cpu();
                long wall = System.nanoTime();
                IngestBench.Result r = new IngestBench(new IngestBench.Config("127.0.0.1", port, connections, rate,
                        Duration.ofSeconds(seconds), Duration.ofSeconds(3), targets, "pb", url, null, round + 1,
                        Duration.ofMillis(Integer.getInteger("burstMs", 20)))).run();
                Map<String, Long> after = cpu();
                long n = r.sent() + (long) (3 * connections * rate);
                System.out.printf("PROBE round %d: %s%n  wall %.1f s; scans %d; CPU us per report by thread group:%n", round, r,
                        (System.nanoTime() - wall) / 1e9, p.stats().scans());
                Map<String, Long> groups = new TreeMap<>();
                for (var e : after.entrySet()) {
                    String g = e.getKey().replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-\\d+$", "");
                    groups.merge(g, e.getValue() - before.getOrDefault(e.getKey(), 0L), Long::sum);
                }
                groups.forEach((g, ns) -> {
                    if (ns > n * 200) {
                        System.out.printf("    %-40s %6.1f%n", g, ns / 1e3 / n);
                    }
                });
            }
            p.close();
        } finally {
            http.stop(0);
            server.close();
        }
    }

    static Map<String, Long> cpu() {
        var mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            if (info != null && t > 0) {
                out.put(info.getThreadName() + "#" + id, t);
            }
        }
        return out;
    }
}
