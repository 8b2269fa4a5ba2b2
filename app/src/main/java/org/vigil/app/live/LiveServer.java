package org.vigil.app.live;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vigil.app.http.ApiMetrics;
import org.vigil.app.http.ApiServer;
import org.vigil.app.http.BearerToken;
import org.vigil.app.http.JournalHistory;
import org.vigil.cot.pki.CertificateFolder;
import org.vigil.cot.pki.TlsContexts;
import org.vigil.cot.server.BoundPorts;
import org.vigil.cot.server.CotServer;
import org.vigil.cot.server.CotServerConfig;
import org.vigil.posture.model.Forces;
import org.vigil.store.Store;
import org.vigil.store.Stores;
import org.vigil.theatre.Theatre;
import org.vigil.watch.LivePicture;
import org.vigil.watch.Pipeline;
import org.vigil.watch.PipelineConfig;
import org.vigil.watch.rules.AlertRules;

/**
 * The running COP server of {@code vigil serve} and {@code vigil demo}, wired by hand: the store
 * (SQLite file or PostgreSQL), the TAK server (TCP, TLS, UDP), the watch pipeline between them,
 * the HTTP/WebSocket API and, when asked, the simulator feed. {@link #close()} stops them in the
 * reverse order, so the journal is flushed before the store closes.
 */
public final class LiveServer implements AutoCloseable {

    /**
     * What to start. Ports 0 mean any free port.
     *
     * @param rulesFile alert rules laid over the bundled defaults, or null
     * @param incursion with {@code simulate}: also the {@link ScriptedIncursion} towards a nuclear power station
     * @param cotIdleTimeout a TAK stream that sends nothing (not even a ping) for this long is closed; zero: never
     */
    public record Options(Path dataDir, Optional<String> jdbcUrl, InetAddress bind, int httpPort, int cotPort,
                          int tlsPort, int udpPort, BearerToken token, boolean simulate, int simTargets, long simSeed,
                          int plannerWorkers, Path rulesFile, boolean incursion, java.time.Duration cotIdleTimeout) {

        /** TAK clients ping every few seconds, so two minutes of silence means a dead or stuck client. */
        public static final java.time.Duration DEFAULT_COT_IDLE_TIMEOUT = java.time.Duration.ofSeconds(120);

        public Options(Path dataDir, Optional<String> jdbcUrl, InetAddress bind, int httpPort, int cotPort,
                       int tlsPort, int udpPort, BearerToken token, boolean simulate, int simTargets, long simSeed,
                       int plannerWorkers, Path rulesFile, boolean incursion) {
            this(dataDir, jdbcUrl, bind, httpPort, cotPort, tlsPort, udpPort, token, simulate, simTargets, simSeed,
                    plannerWorkers, rulesFile, incursion, DEFAULT_COT_IDLE_TIMEOUT);
        }
    }

    private final Options options;
    private final Theatre theatre;
    private Store store;
    private CotServer cot;
    private BoundPorts cotPorts;
    private LivePicture live;
    private ApiMetrics metrics;
    private ApiServer api;
    private SimulatorFeed feed;
    private ScriptedIncursion incursion;
    private CertificateFolder certs;
    private boolean createdCertificates;

    private LiveServer(Options options, Theatre theatre) {
        this.options = options;
        this.theatre = theatre;
    }

    /**
     * Starts everything; on failure closes what had started and throws
     * {@link IllegalArgumentException} with one line saying what could not start.
     */
    public static LiveServer start(Options options, Theatre theatre, Forces forces) {
        LiveServer s = new LiveServer(options, theatre);
        try {
            s.startAll(forces);
            return s;
        } catch (RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    private void startAll(Forces forces) {
        certs = CertificateFolder.inDataDir(options.dataDir());
        if (!certs.isInitialised()) {
            certs.initialise(List.of());
            createdCertificates = true;
        }
        store = Stores.open(options.dataDir(), options.jdbcUrl());
        metrics = new ApiMetrics();
        try {
            cot = new CotServer(CotServerConfig.of(options.bind(), options.cotPort(), options.tlsPort(), options.udpPort(),
                    TlsContexts.server(certs)).withIdleTimeout(options.cotIdleTimeout()));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the TAK certificates in " + certs.dir() + ": " + e.getMessage());
        }
        live = WatchWiring.open(store, theatre, cot, metrics, options.rulesFile());
        try {
            cotPorts = cot.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the TAK server");
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot listen on " + options.bind().getHostAddress() + " for TAK: " + e.getMessage());
        }
        metrics.prometheusStyleCounters(() -> cot.counters().snapshot());
        metrics.gauge("vigil.journal.last.id", "highest journal id", store.journal(), j -> j.lastId());
        api = new ApiServer(live, store.plans(), theatre, forces, options.token(), metrics, options.plannerWorkers(),
                options.dataDir().resolve("isr"), new JournalHistory(store.journal(), historyPipelines(theatre)));
        try {
            api.start(options.bind().getHostAddress(), options.httpPort());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot serve HTTP on " + options.bind().getHostAddress() + ":"
                    + options.httpPort() + ": " + rootMessage(e));
        }
        if (options.simulate()) {
            feed = new SimulatorFeed(theatre, live, options.simTargets(), options.simSeed());
            feed.start();
            if (options.incursion()) {
                incursion = new ScriptedIncursion(theatre, live, ScriptedIncursion.DEFAULT_SITE_ID);
                incursion.start();
            }
        }
    }

    /**
     * The pipeline a history replay re-fuses the journal with: the live one's configuration
     * ({@link WatchWiring#liveConfig()}) except that every track
     * state is published, not one a second, so the slider's steps can be sampled from them. The
     * alert rules are the defaults: the history is of tracks, and rules never change a track.
     */
    public static JournalHistory.ReplayPipelines historyPipelines(Theatre theatre) {
        return scratch -> new Pipeline(theatre, scratch, AlertRules.defaults(), Clock.systemUTC(),
                WatchWiring.liveConfig().withTrackPublishInterval(Duration.ZERO)).start();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Host part of URLs for the bound address (IPv6 in brackets). */
    public String host() {
        String h = options.bind().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    public int httpPort() {
        return api.port();
    }

    /** The browser UI's address with the token in the fragment, so the page opens signed in. */
    public String webUrl() {
        return "http://" + host() + ":" + httpPort() + "/#token=" + options.token().reveal();
    }

    /** Prints the addresses and the token, one labelled line each. */
    public void printBanner(PrintStream out) {
        String host = host();
        if (createdCertificates) {
            out.println("vigil: created a certificate authority and server certificate in " + certs.dir());
        }
        out.println("vigil: store          " + store.describe());
        out.println("vigil: TAK streaming  tcp://" + host + ":" + cotPorts.tcp() + "  (XML; protobuf after negotiation)");
        out.println("vigil: TAK streaming  ssl://" + host + ":" + cotPorts.tls() + "  (mutual TLS; CA "
                + certs.caPem().toAbsolutePath() + ")");
        out.println("vigil: UDP input      udp://" + host + ":" + cotPorts.udp());
        out.println("vigil: HTTP           http://" + host + ":" + httpPort() + "/health  /metrics");
        out.println("vigil: API            http://" + host + ":" + httpPort() + "/api/  (WebSocket ws://" + host + ":"
                + httpPort() + "/api/live)");
        out.println("vigil: public page    http://" + host + ":" + httpPort() + "/public");
        out.println("vigil: web UI         " + webUrl() + (api.webPresent() ? "" : "  (placeholder: the web module is not built)"));
        out.println("vigil: token          " + options.token().reveal() + "  (Authorization: Bearer <token>)");
        if (feed != null) {
            out.println("vigil: simulator      " + options.simTargets() + " vehicles around " + org.vigil.sim.GeodeticSimulation.DEFAULT_SITE_ID
                    + ", in real time on channel sim: aerostat radar, drones, satellite passes, observation posts, GMTI sorties");
        }
        if (incursion != null) {
            out.println("vigil: incursion      a vehicle drives towards " + incursion.siteId()
                    + " (16 km to 6 km and back, every half hour): expect a proximity alert within a minute");
        }
        out.flush();
    }

    public Store store() {
        return store;
    }

    /** The theatre the server watches. */
    public Theatre theatre() {
        return theatre;
    }

    /** The data folder (the ISR plan is looked for in its {@code isr/}). */
    public Path dataDir() {
        return options.dataDir();
    }

    public LivePicture live() {
        return live;
    }

    public ApiServer api() {
        return api;
    }

    public ApiMetrics metrics() {
        return metrics;
    }

    /** The simulator feed, or null without {@code --simulate}. */
    public SimulatorFeed feed() {
        return feed;
    }

    public BoundPorts cotPorts() {
        return cotPorts;
    }

    @Override
    public void close() {
        if (incursion != null) {
            incursion.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (api != null) {
            api.close();
        }
        if (live != null) {
            live.close();
        }
        if (cot != null) {
            cot.close();
        }
        if (store != null) {
            store.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
