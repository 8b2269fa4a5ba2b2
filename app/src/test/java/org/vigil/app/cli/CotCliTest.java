package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil certs}, {@code vigil serve} (as its own process, stopped by SIGTERM) and {@code vigil bench cot}. */
class CotCliTest {

    @TempDir
    Path data;

    @Test
    void certsInitAndIssueWriteTheTakFiles() {
        CliRunner.Result init = CliRunner.run("certs", "init", "--data-dir", data.toString(), "--san", "cop.example");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("cop.example");
        for (String f : new String[] {"ca.pem", "truststore.p12", "server.p12"}) {
            assertThat(data.resolve("certs").resolve(f)).exists();
        }
        CliRunner.Result issue = CliRunner.run("certs", "issue", "alice", "--data-dir", data.toString());
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(issue.out()).containsPattern("password \\(shown only now\\): \\S{16}");
        assertThat(data.resolve("certs/alice.p12")).exists();

        CliRunner.Result again = CliRunner.run("certs", "issue", "alice", "--data-dir", data.toString(), "--password", "pw-1234");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).startsWith("vigil: ").contains("already exists");
        CliRunner.Result badName = CliRunner.run("certs", "issue", "../evil", "--data-dir", data.toString());
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void badServeAndBenchOptionsAreOneLineErrors() {
        CliRunner.Result port = CliRunner.run("serve", "--cot-port", "70000", "--data-dir", data.toString());
        assertThat(port.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(port.err().strip()).isEqualTo("vigil: --cot-port must be between 0 and 65535, not 70000");
        CliRunner.Result proto = CliRunner.run("bench", "cot", "--clients", "2", "--rate", "1", "--duration-s", "1", "--proto", "json");
        assertThat(proto.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(proto.err()).contains("--proto must be xml or pb");
    }

    @Test
    void serveAnswersHealthCarriesABenchAndStopsCleanlyOnSigterm() throws Exception {
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.vigil.app.Main",
                "serve", "--cot-port", "0", "--tls-port", "0", "--udp-port", "0", "--http-port", "0",
                "--data-dir", data.toString(), "--token", "cot-cli-test-token")
                .redirectError(data.resolve("serve.err").toFile()).start();
        try {
            Map<String, String> addresses = new HashMap<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            Pattern line = Pattern.compile("vigil: (TAK streaming|UDP input|HTTP) +(\\w+)://([^ ]+)");
            String l;
            while (addresses.size() < 4 && (l = out.readLine()) != null) {
                Matcher m = line.matcher(l);
                if (m.find()) {
                    addresses.put(m.group(2), m.group(3));
                }
            }
            assertThat(addresses).as(Files.readString(data.resolve("serve.err"))).containsKeys("tcp", "ssl", "udp", "http");
            assertThat(data.resolve("certs/ca.pem")).exists();

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + addresses.get("http"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");

            CliRunner.Result bench = CliRunner.run("bench", "cot", "--server", addresses.get("tcp"), "--clients", "50",
                    "--rate", "5", "--duration-s", "2", "--group-size", "10", "--proto", "pb");
            assertThat(bench.exitCode()).as(bench.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(bench.out().strip());
            assertThat(result.get("sent").asLong()).isPositive();
            assertThat(result.get("deliveries").asLong()).isEqualTo(result.get("expected").asLong());
            assertThat(result.get("lost").asLong()).isZero();
            assertThat(result.get("latency_ms").get("p99").asDouble()).isPositive();

            HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + addresses.get("http").replace("/health", "/metrics")))
                            .header("Authorization", "Bearer cot-cli-test-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("vigil_cot_negotiated_protobuf_total 50", "vigil_cot_dropped_slow_client_total 0");
        } finally {
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serve.exitValue()).as(Files.readString(data.resolve("serve.err"))).isZero();
    }
}
