package org.vigil.cot.server;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.pki.CertificateFolder;
import org.vigil.cot.pki.TlsContexts;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent TAK client implementation against the server: {@code src/test/node/interop.mjs}
 * drives {@code @tak-ps/node-tak} 9.2.2 and {@code @tak-ps/node-cot} 12.23.0 (installed with
 * {@code npm ci} into {@code target/tak-interop}; the header of interop.mjs lists exactly which
 * parts are third-party and which glue is ours) over TCP XML, TCP protobuf after negotiation,
 * and mutual TLS with certificates issued by {@link CertificateFolder} (what {@code vigil certs
 * issue} runs). node-tak itself verifies the server certificate ({@code ca = ca.pem},
 * {@code rejectUnauthorized: true}); the negative cases give it another CA's {@code ca.pem}
 * (it must refuse the server) and present a client certificate of that other CA (Vigil must
 * refuse it). node-cot also decodes Vigil's re-encoding of each golden sample to the sample's
 * {@code .json}. Skipped when node is absent.
 */
class TakInteropTest {

    private static final String PASSWORD = "interop-pw";

    @TempDir
    Path dir;

    @Test
    void nodeTakClientsExchangeEventsOverTcpProtobufAndMutualTls() throws Exception {
        Assumptions.assumeTrue(commandWorks("node", "--version"),
                "node is not installed: skipping the node-tak/node-cot interop test");
        Path harness = installHarness();

        CertificateFolder certs = CertificateFolder.inDataDir(dir);
        certs.initialise(List.of());
        certs.issueClient("alice", PASSWORD.toCharArray());
        certs.issueClient("bob", PASSWORD.toCharArray());
        CertificateFolder foreign = CertificateFolder.inDataDir(dir.resolve("foreign"));
        foreign.initialise(List.of());
        foreign.issueClient("mallory", PASSWORD.toCharArray());
        try (CotServer server = new CotServer(CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, 0, -1,
                TlsContexts.server(certs)))) {
            BoundPorts ports = server.start();
            Path samples = reEncodedSamples();
            Path log = dir.resolve("interop.log");
            Process p = new ProcessBuilder("node", "interop.mjs", "--tcp", Integer.toString(ports.tcp()),
                    "--tls", Integer.toString(ports.tls()), "--certs", certs.dir().toString(), "--password", PASSWORD,
                    "--foreign", foreign.dir().toString(), "--samples", samples.toString())
                    .directory(harness.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(100, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(out);
            assertThat(finished).as("interop harness finished").isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("ok - tcp xml: node-cot events", "ok - tcp xml: node-cot t-x-c-t ping",
                    "ok - tcp protobuf: advertisement read", "ok - tcp protobuf: C",
                    "ok - tls: node-tak (ca = ca.pem, rejectUnauthorized: true) verified the server",
                    "ok - tls: node-tak alice and bob exchange events",
                    "ok - tls: node-tak refuses the server when ca is another CA",
                    "ok - tls: Vigil refuses node-tak presenting a certificate from another CA",
                    "ok - samples", "ok - all");
        }
    }

    /** Each golden sample decoded by Vigil and encoded again ({@code NAME.vigil.pb}), beside its {@code .json}. */
    private Path reEncodedSamples() throws IOException {
        Path out = Files.createDirectories(dir.resolve("samples"));
        TakProtoCodec codec = new TakProtoCodec();
        for (String name : List.of("friendly-unit", "hostile-vehicle", "drone", "emergency-alert", "ping")) {
            byte[] golden = resource(name + ".pb");
            Files.write(out.resolve(name + ".vigil.pb"), codec.encode(codec.decode(golden).orElseThrow()));
            Files.write(out.resolve(name + ".json"), resource(name + ".json"));
        }
        return out;
    }

    private static byte[] resource(String file) throws IOException {
        try (var in = TakInteropTest.class.getResourceAsStream("/tak-samples/" + file)) {
            return in.readAllBytes();
        }
    }

    /** Copies the harness to target/tak-interop and runs {@code npm ci} there when its lock file changed. */
    private static Path installHarness() throws IOException, InterruptedException {
        Path src = Path.of("src", "test", "node");
        Path target = Path.of("target", "tak-interop");
        Files.createDirectories(target);
        boolean lockChanged = !Files.exists(target.resolve("package-lock.json"))
                || Files.mismatch(src.resolve("package-lock.json"), target.resolve("package-lock.json")) >= 0;
        Files.createDirectories(target.resolve("stub-p12-pem"));
        for (String f : List.of("package.json", "package-lock.json", "interop.mjs", "stub-p12-pem/package.json",
                "stub-p12-pem/index.js")) {
            Files.copy(src.resolve(f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(target.resolve("node_modules/@tak-ps/node-tak"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(target.toFile()).redirectErrorStream(true)
                    .redirectOutput(target.resolve("npm-ci.log").toFile()).start();
            boolean done = npm.waitFor(300, TimeUnit.SECONDS);
            String npmLog = Files.readString(target.resolve("npm-ci.log"));
            assertThat(done && npm.exitValue() == 0)
                    .as("npm ci of the interop harness failed (the npm registry must be reachable):\n" + npmLog).isTrue();
        }
        return target;
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
