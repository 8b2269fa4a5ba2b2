package org.vigil.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.cot.bench.BenchConfig;
import org.vigil.cot.bench.BenchResult;
import org.vigil.cot.bench.CotLoadGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil bench cot}: simulated TAK clients against a running {@code vigil serve};
 * prints one JSON line with events/s sent, deliveries/s, latency p50/p99/max and lost.
 */
@Command(name = "cot", mixinStandardHelpOptions = true,
        description = "Load-tests a running COP server with simulated TAK clients in teams; prints one JSON line: "
                + "events/s sent, deliveries/s, delivery latency p50/p99/max (ms) and lost deliveries.")
public final class BenchCotCommand implements Callable<Integer> {

    @Option(names = "--clients", paramLabel = "N", required = true, description = "Simulated clients (connections).")
    int clients;

    @Option(names = "--rate", paramLabel = "R", required = true,
            description = "Position reports per second from each client.")
    double rate;

    @Option(names = "--duration-s", paramLabel = "T", required = true, description = "Seconds of reporting.")
    double durationSeconds;

    @Option(names = "--proto", paramLabel = "xml|pb", defaultValue = "xml",
            description = "Encoding: xml, or pb (TAK protocol v1 after negotiation) (default ${DEFAULT-VALUE}).")
    String proto;

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8087",
            description = "The server's TCP streaming address (default ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--group-size", paramLabel = "G", defaultValue = "25",
            description = "Clients per team (__group); each event goes to the rest of its team (default ${DEFAULT-VALUE}).")
    int groupSize;

    @Override
    public Integer call() throws Exception {
        if (!proto.equals("xml") && !proto.equals("pb")) {
            throw new UserInputException("--proto must be xml or pb, not '" + proto + "'");
        }
        if (!(durationSeconds > 0) || durationSeconds > 86_400) {
            throw new UserInputException("--duration-s must be between 0 and 86400, not " + durationSeconds);
        }
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            throw new UserInputException("--server must be HOST:PORT, not '" + server + "'");
        }
        int port;
        try {
            port = Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserInputException("--server port is not a number: '" + server + "'");
        }
        BenchConfig config;
        try {
            config = new BenchConfig(server.substring(0, colon), port, clients, rate,
                    Duration.ofMillis(Math.round(durationSeconds * 1000)), groupSize, proto.equals("pb"));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        BenchResult r;
        try {
            r = new CotLoadGenerator(config).run();
        } catch (IllegalStateException e) {
            throw new UserInputException(e.getMessage());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "cot");
        line.put("proto", proto);
        line.put("clients", clients);
        line.put("rate_hz", rate);
        line.put("duration_s", durationSeconds);
        line.put("group_size", groupSize);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        line.put("sent", r.sent());
        line.put("events_per_s", round(r.eventsPerSecond()));
        line.put("deliveries", r.deliveries());
        line.put("deliveries_per_s", round(r.deliveriesPerSecond()));
        line.put("latency_ms", Map.of("p50", round(r.p50Ms()), "p99", round(r.p99Ms()), "max", round(r.maxMs())));
        line.put("expected", r.expected());
        line.put("lost", r.lost());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return ExitCodes.OK;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
