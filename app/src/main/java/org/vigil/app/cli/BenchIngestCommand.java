package org.vigil.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.watch.bench.IngestBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench ingest}: streams CoT detections from simulated sensors into a running
 * {@code vigil serve} and prints one JSON line: detections accepted per second, report-to-track
 * latency p50/p99/max and lost detections. The load and the measurements are described in
 * {@link IngestBench}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Drives a running server with CoT detections over N streaming TCP connections (each a sensor "
                + "watching its own moving vehicles) at R detections/s each, and prints one JSON line: accepted/s, "
                + "report-to-track latency p50/p99/max (ms, measured from the tracks the server publishes) and lost "
                + "(sent minus journaled, read from /metrics; needs --token, null without).",
                "Run it against a server with no other CoT senders, e.g. ./vigil serve --data-dir /tmp/bench-data."})
public final class BenchIngestCommand implements Callable<Integer> {

    @Option(names = "--connections", paramLabel = "N", defaultValue = "100",
            description = "Sensor connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "500",
            description = "Detections per second per connection (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration-s", paramLabel = "T", defaultValue = "30",
            description = "Measured seconds of reporting, after a warm-up (default ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--warmup-s", paramLabel = "W", defaultValue = "10",
            description = "Seconds of reporting before measurement starts, so that the server's JIT has compiled its hot paths (default ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Option(names = "--targets", paramLabel = "K", defaultValue = "100",
            description = "Moving vehicles each sensor watches; each is reported every K/R seconds (default ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The server's address (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8087",
            description = "Its TCP streaming (CoT) port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--proto", paramLabel = "pb|xml", defaultValue = "pb",
            description = "Encoding: pb (TAK protocol v1 after negotiation) or xml (default ${DEFAULT-VALUE}).")
    String proto;

    @Option(names = "--metrics-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/metrics",
            description = "The server's Prometheus endpoint, read for the journaled count (default ${DEFAULT-VALUE}).")
    String metricsUrl;

    @Option(names = "--token", paramLabel = "T",
            description = "The server's bearer token, for /metrics (default: $VIGIL_TOKEN; without one, lost is null).")
    String token;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of target placement, headings and noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--burst-ms", paramLabel = "B", defaultValue = "20",
            description = {"Each connection writes the detections due every B ms, as a sensor sends a scan's",
                    "detections together (default ${DEFAULT-VALUE}: 50 writes a second per connection)."})
    int burstMs;

    @Option(names = "--progress-s", paramLabel = "P", defaultValue = "5",
            description = {"Every P seconds, a line on stderr: the phase, detections sent per second and the latency",
                    "of the track states published in those P seconds (default ${DEFAULT-VALUE}; 0: none)."})
    double progressSeconds;

    @Override
    public Integer call() throws Exception {
        if (!(progressSeconds >= 0) || progressSeconds > 3_600) {
            throw new UserInputException("--progress-s must be between 0 and 3600, not " + progressSeconds);
        }
        if (!(durationSeconds > 0) || durationSeconds > 86_400) {
            throw new UserInputException("--duration-s must be between 0 and 86400, not " + durationSeconds);
        }
        if (!(warmUpSeconds >= 0) || warmUpSeconds > 3_600) {
            throw new UserInputException("--warmup-s must be between 0 and 3600, not " + warmUpSeconds);
        }
        if (port < 1 || port > 65_535) {
            throw new UserInputException("--port must be 1..65535, not " + port);
        }
        String t = token != null ? token : System.getenv("VIGIL_TOKEN");
        IngestBench.Config config;
        try {
            config = new IngestBench.Config(host, port, connections, rate,
                    Duration.ofMillis(Math.round(durationSeconds * 1000)), Duration.ofMillis(Math.round(warmUpSeconds * 1000)),
                    targets, proto, t == null || t.isBlank() ? null : metricsUrl, t, seed, Duration.ofMillis(burstMs));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        IngestBench.Result r;
        try {
            r = new IngestBench(config).run(Duration.ofMillis(Math.round(progressSeconds * 1000)), System.err::println);
        } catch (IllegalStateException | java.io.IOException e) {
            throw new UserInputException("bench ingest against " + host + ":" + port + ": " + e.getMessage());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "ingest");
        line.put("proto", proto);
        line.put("connections", connections);
        line.put("rate_per_connection", rate);
        line.put("burst_ms", burstMs);
        line.put("targets", r.targets());
        line.put("duration_s", durationSeconds);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        line.put("sent", r.sent());
        line.put("sent_per_s", round(r.sentPerSecond()));
        line.put("accepted", r.accepted());
        line.put("accepted_per_s", round(r.acceptedPerSecond()));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", round(r.p50Ms()));
        latency.put("p99", round(r.p99Ms()));
        latency.put("max", round(r.maxMs()));
        line.put("latency_ms", latency);
        line.put("latency_samples", r.samples());
        line.put("lost", r.lost());
        line.put("tracks_seen", r.tracks());
        // what the whole machine did meanwhile: a shared virtual machine's stolen time shows in the tail
        line.put("cpu_busy_pct", r.cpu() == null ? null : round(r.cpu().busyPercent()));
        line.put("cpu_steal_pct", r.cpu() == null ? null : round(r.cpu().stealPercent()));
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return ExitCodes.OK;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
