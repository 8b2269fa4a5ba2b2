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
 * drives {@code @tak-ps/node-tak} 8.3.0 and {@code @tak-ps/node-cot} 12.23.0 (installed with
 * {@code npm ci} into {@code target/tak-interop}) over TCP XML, TCP protobuf after negotiation,
 * and mutual TLS with certificates issued by {@link CertificateFolder} (what {@code vigil certs
 * issue} runs), checking the server certificate against {@code ca.pem}; and node-cot decodes
 * Vigil's re-encoding of each golden sample to the sample's {@code .json}. Skipped when node is absent.
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
        try (CotServer server = new CotServer(CotServerConfig.of(InetAddress.getLoopbackAddress(), 0, 0, -1,
                TlsContexts.server(certs)))) {
            BoundPorts ports = server.start();
            Path samples = reEncodedSamples();
            Path log = dir.resolve("interop.log");
            Process p = new ProcessBuilder("node", "interop.mjs", "--tcp", Integer.toString(ports.tcp()),
                    "--tls", Integer.toString(ports.tls()), "--certs", certs.dir().toString(), "--password", PASSWORD,
                    "--samples", samples.toString())
                    .directory(harness.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(out);
            assertThat(finished).as("interop harness finished").isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("ok - tcp xml", "ok - tcp protobuf: C", "ok - tls: the server certificate verifies",
                    "ok - tls: node-tak alice and bob exchange events", "ok - samples", "ok - all");
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
        for (String f : List.of("package.json", "package-lock.json", "interop.mjs")) {
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
