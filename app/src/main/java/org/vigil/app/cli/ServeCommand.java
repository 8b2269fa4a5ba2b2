package org.vigil.app.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.app.http.BearerToken;
import org.vigil.app.live.BackgroundIsrPlan;
import org.vigil.app.live.LiveServer;
import org.vigil.app.live.SimulatorFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigil serve}: the COP server. TAK clients connect over TCP (XML, protobuf after
 * negotiation), mutual TLS with certificates from {@code vigil certs}, or UDP; the HTTP API and
 * WebSocket serve the live picture and the browser UI. Every report is journaled (SQLite under
 * {@code --data-dir}, or PostgreSQL with {@code --db}) before it is acknowledged. Runs until
 * SIGTERM or SIGINT, then stops ingest, flushes the journal, closes every connection and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the COP server: TAK streaming over TCP, TLS and UDP; the HTTP API, WebSocket and web UI; "
                + "/health and /metrics. Every report is journaled before it is acknowledged. Prints the addresses and "
                + "the API token. Port 0 means any free port. Stops cleanly on SIGTERM (the journal is flushed first).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        try (LiveServer running = server.start()) {
            BackgroundIsrPlan isr = server.isrPlan(running, false, () -> true);
            running.printBanner(System.out);
            if (isr != null) {
                System.out.println("vigil: ISR plan       " + isr.await(java.time.Duration.ZERO).map(BackgroundIsrPlan.Outcome::line)
                        .orElse("planning in the background into " + isr.planFile() + " (the ISR view shows it when done)"));
            }
            stop.await();
            System.out.println("vigil: shutting down");
            System.out.flush();
        }
        return ExitCodes.OK;
    }

    /** The options {@code serve} and {@code demo} share. */
    public static final class ServerOptions {

        @Mixin
        TheatreOptions theatreOptions;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "vigil-data",
                description = "Data folder: the SQLite store (DIR/vigil.db) and TAK certificates (DIR/certs, created on first start) (default ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--db", paramLabel = "URL",
                description = "Store in PostgreSQL instead of SQLite, e.g. jdbc:postgresql://localhost/vigil?user=vigil&password=...")
        String db;

        @Option(names = "--http-port", paramLabel = "P", defaultValue = "8080",
                description = "HTTP port for the API, WebSocket, web UI, /health and /metrics (default ${DEFAULT-VALUE}; 0: any free port).")
        int httpPort;

        @Option(names = "--cot-port", paramLabel = "Q", defaultValue = "8087",
                description = "TCP streaming port for TAK clients (default ${DEFAULT-VALUE}; 0: any free port).")
        int cotPort;

        @Option(names = "--tls-port", paramLabel = "R", defaultValue = "8089",
                description = "Mutual-TLS streaming port (default ${DEFAULT-VALUE}; 0: any free port).")
        int tlsPort;

        @Option(names = "--udp-port", paramLabel = "U", defaultValue = "6969",
                description = "UDP input port, one event per datagram (default ${DEFAULT-VALUE}; 0: any free port).")
        int udpPort;

        @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
                description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--token", paramLabel = "T", defaultValue = "${env:VIGIL_TOKEN}",
                description = "API bearer token (8+ printable characters; keeps it off the process list when given "
                        + "as environment variable VIGIL_TOKEN). Default: a random one, printed at start.")
        String token;

        @Option(names = "--simulate",
                description = "Feed simulated ground vehicles and sensors (radar, drones, satellite passes, observation posts, GMTI aircraft) in real time.")
        boolean simulate;

        @Option(names = "--sim-targets", paramLabel = "N", defaultValue = "" + SimulatorFeed.DEFAULT_TARGETS,
                description = "Vehicles in the simulated area with --simulate (default ${DEFAULT-VALUE}).")
        int simTargets;

        @Option(names = "--sim-seed", paramLabel = "S", defaultValue = "1",
                description = "Random seed of the simulation (default ${DEFAULT-VALUE}).")
        long simSeed;

        /** Set by {@code demo}: the scripted incursion towards a nuclear power station. */
        boolean incursion;

        @Option(names = "--rules", paramLabel = "FILE",
                description = "Alert rules (YAML) laid over the bundled defaults (radii, massing, border revisits).")
        Path rulesFile;

        @Option(names = "--idle-timeout-s", paramLabel = "S", defaultValue = "120",
                description = "Close a TAK stream that sends nothing, not even a ping, for S seconds (default ${DEFAULT-VALUE}; 0: never).")
        long idleTimeoutSeconds;

        @Option(names = "--plan-isr", negatable = true,
                description = "At start, make the default ISR collection plan (as vigil plan isr) in the background and write "
                        + "it to DATA_DIR/isr, where the ISR view finds it, unless a plan is already there. serve: off unless "
                        + "given; demo: on unless --no-plan-isr.")
        Boolean planIsr;

        @Option(names = "--isr-time-limit", paramLabel = "S", defaultValue = "30",
                description = "Solver time limit for that ISR plan, seconds (default ${DEFAULT-VALUE}; the default 24 h plan "
                        + "needs about 12 s on 2 cores).")
        double isrTimeLimitSeconds;

        @Option(names = "--planner-workers", paramLabel = "N", defaultValue = "8",
                description = "CP-SAT search workers for posture plans run through the API (default ${DEFAULT-VALUE}).")
        int plannerWorkers;

        /**
         * The background ISR plan when asked for ({@code --plan-isr}, or {@code byDefault} when
         * neither it nor {@code --no-plan-isr} was given), started once {@code ready} returns; else null.
         */
        BackgroundIsrPlan isrPlan(LiveServer running, boolean byDefault, java.util.function.BooleanSupplier ready) {
            if (!(planIsr == null ? byDefault : planIsr)) {
                return null;
            }
            BackgroundIsrPlan plan = new BackgroundIsrPlan(running.theatre(), running.dataDir().resolve("isr"),
                    java.time.Duration.ofMillis(Math.round(isrTimeLimitSeconds * 1000)), 2).start(ready);
            running.api().isrPlanning(plan::underway);
            return plan;
        }

        /** Validates the options and starts the server; bad input becomes a {@link UserInputException}. */
        LiveServer start() {
            for (var p : Map.of("--cot-port", cotPort, "--tls-port", tlsPort, "--udp-port", udpPort, "--http-port", httpPort).entrySet()) {
                if (p.getValue() < 0 || p.getValue() > 65535) {
                    throw new UserInputException(p.getKey() + " must be between 0 and 65535, not " + p.getValue());
                }
            }
            if (simTargets < 1 || simTargets > 100_000) {
                throw new UserInputException("--sim-targets must be between 1 and 100000, not " + simTargets);
            }
            if (idleTimeoutSeconds < 0) {
                throw new UserInputException("--idle-timeout-s must be 0 (never) or more, not " + idleTimeoutSeconds);
            }
            if (!(isrTimeLimitSeconds >= 5 && isrTimeLimitSeconds <= 3600)) {
                throw new UserInputException("--isr-time-limit must be between 5 and 3600 s, not " + isrTimeLimitSeconds);
            }
            if (plannerWorkers < 1) {
                throw new UserInputException("--planner-workers must be at least 1, not " + plannerWorkers);
            }
            if (db != null && !db.startsWith("jdbc:postgresql:")) {
                throw new UserInputException("--db: expected a jdbc:postgresql://... URL");
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw new UserInputException("--bind: unknown address '" + bind + "'");
            }
            BearerToken bearer;
            try {
                bearer = token == null ? BearerToken.generate() : BearerToken.of(token);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            org.vigil.theatre.Theatre theatre = theatreOptions.theatre();
            org.vigil.posture.model.Forces forces = theatreOptions.forces(theatre);
            try {
                return LiveServer.start(new LiveServer.Options(dataDir, Optional.ofNullable(db), address, httpPort, cotPort,
                        tlsPort, udpPort, bearer, simulate, simTargets, simSeed, plannerWorkers, rulesFile, simulate && incursion,
                        java.time.Duration.ofSeconds(idleTimeoutSeconds)), theatre, forces);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
    }
}
