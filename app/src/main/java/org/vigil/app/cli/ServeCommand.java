package org.vigil.app.cli;

import io.javalin.Javalin;
import org.vigil.cot.pki.CertificateFolder;
import org.vigil.cot.pki.TlsContexts;
import org.vigil.cot.server.BoundPorts;
import org.vigil.cot.server.CotServer;
import org.vigil.cot.server.CotServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code vigil serve}: the COP server. TAK clients connect over TCP (XML, protobuf after
 * negotiation), mutual TLS with certificates from {@code vigil certs}, or UDP; HTTP serves
 * {@code /health} and {@code /metrics}. Runs until SIGTERM or SIGINT, then closes every
 * connection and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the COP server: TAK streaming over TCP, TLS and UDP, and HTTP /health and /metrics. "
                + "Port 0 means any free port; the bound addresses are printed at start. Stops cleanly on SIGTERM.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--cot-port", paramLabel = "Q", defaultValue = "8087",
            description = "TCP streaming port for TAK clients (default ${DEFAULT-VALUE}; 0: any free port).")
    int cotPort;

    @Option(names = "--tls-port", paramLabel = "R", defaultValue = "8089",
            description = "Mutual-TLS streaming port (default ${DEFAULT-VALUE}; 0: any free port).")
    int tlsPort;

    @Option(names = "--udp-port", paramLabel = "U", defaultValue = "6969",
            description = "UDP input port, one event per datagram (default ${DEFAULT-VALUE}; 0: any free port).")
    int udpPort;

    @Option(names = "--http-port", paramLabel = "P", defaultValue = "8080",
            description = "HTTP port for /health and /metrics (default ${DEFAULT-VALUE}; 0: any free port).")
    int httpPort;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "vigil-data",
            description = "Data folder; certificates live in DIR/certs and are created on first start (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        for (var p : Map.of("--cot-port", cotPort, "--tls-port", tlsPort, "--udp-port", udpPort, "--http-port", httpPort).entrySet()) {
            if (p.getValue() < 0 || p.getValue() > 65535) {
                throw new UserInputException(p.getKey() + " must be between 0 and 65535, not " + p.getValue());
            }
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserInputException("--bind: unknown address '" + bind + "'");
        }
        CertificateFolder certs = CertificateFolder.inDataDir(dataDir);
        if (!certs.isInitialised()) {
            certs.initialise(List.of());
            System.out.println("vigil: created a certificate authority and server certificate in " + certs.dir());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        try (CotServer server = new CotServer(CotServerConfig.of(address, cotPort, tlsPort, udpPort, TlsContexts.server(certs)))) {
            BoundPorts ports;
            try {
                ports = server.start();
            } catch (Exception e) {
                throw new UserInputException("cannot listen on " + bind + ": " + e.getMessage());
            }
            Javalin http = Javalin.create(c -> c.showJavalinBanner = false)
                    .get("/health", ctx -> ctx.json(Map.of("status", "ok")))
                    .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(server.counters().prometheusText()));
            try {
                http.start(bind, httpPort);
            } catch (RuntimeException e) {
                throw new UserInputException("cannot serve HTTP on " + bind + ":" + httpPort + ": " + e.getMessage());
            }
            String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            System.out.println("vigil: TAK streaming  tcp://" + host + ":" + ports.tcp() + "  (XML; protobuf after negotiation)");
            System.out.println("vigil: TAK streaming  ssl://" + host + ":" + ports.tls() + "  (mutual TLS; CA "
                    + certs.caPem().toAbsolutePath() + ")");
            System.out.println("vigil: UDP input      udp://" + host + ":" + ports.udp());
            System.out.println("vigil: HTTP           http://" + host + ":" + http.port() + "/health  /metrics");
            System.out.flush();
            stop.await();
            System.out.println("vigil: shutting down");
            http.stop();
        }
        return ExitCodes.OK;
    }
}
