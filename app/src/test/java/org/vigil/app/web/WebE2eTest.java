package org.vigil.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;
import org.vigil.app.http.BearerToken;
import org.vigil.app.live.LiveServer;
import org.vigil.posture.io.ForcesReader;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's browser tests: a real {@code vigil serve --simulate} in its own JVM (ports 0, a
 * temporary data folder, the web COP from the {@code web} jar on the class path), driven by
 * Debian's Chromium through playwright-core from {@code web/e2e/*.mjs}, with every request that
 * is not for this machine blocked. {@code cop.mjs} checks the map (border, line of contact,
 * sites), live tracks that move, an alert raised by a scripted vehicle approaching Rivne NPP
 * shown within 2 s and acknowledged, the time slider (replaying from the journal a track that an
 * earlier server on the same data folder journaled before this one started), the posture page (a plan run from the
 * page with its progress, units, sites, the sweep chart, a cap sweep run from the page and stored), the ISR view (the server serves a
 * real {@code vigil plan isr} output, kept in {@code web/e2e/fixtures/isr}, from its data folder's
 * {@code isr/} as {@code plan isr --out DATA_DIR/isr} would leave it), {@code /public} showing
 * nothing of the force, the token prompt, and that nothing external was requested.
 * {@code perf.mjs} injects 5,000 tracks and reports the frame time (a benchmark figure, printed,
 * not asserted: timings on a shared 2-core machine are not a pass/fail matter).
 *
 * <p>Needs node and /usr/bin/chromium ({@code .ci/run} installs Chromium); says so and skips
 * when either is missing. Installs web's npm packages ({@code npm ci}) when the build skipped them.
 */
class WebE2eTest {

    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Pattern WEB_UI = Pattern.compile("vigil: web UI +(http://[^/ ]+)/#token=(\\S+)");

    @TempDir
    static Path data;

    private static Process server;
    private static volatile String base;
    private static volatile String token;
    /** "ID@TIME": a track an earlier server journaled on the data folder, and a moment it was seen. */
    private static String journaledTrack;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(commandWorks("node", "--version"), "node is not installed: skipping the web COP browser tests");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "/usr/bin/chromium is missing (apt-get install chromium): skipping the web COP browser tests");
        installPlaywright();
        // The server serves DATA_DIR/isr as its latest ISR plan: put a real planner output there
        // (planning one here would take half a minute of the two cores).
        Path isr = Files.createDirectories(data.resolve("vigil-data").resolve("isr"));
        for (String file : List.of("isr-plan.json", "coverage.geojson", "coverage.csv")) {
            Path source = WEB.resolve("e2e").resolve("fixtures").resolve("isr").resolve(file);
            if (Files.exists(source)) {
                Files.copy(source, isr.resolve(file));
            }
        }
        journaledTrack = journalAnEarlierTrack(data.resolve("vigil-data"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.vigil.app.Main",
                "serve", "--simulate", "--data-dir", data.resolve("vigil-data").toString(), "--http-port", "0",
                "--cot-port", "0", "--tls-port", "0", "--udp-port", "0");
        server = new ProcessBuilder(cmd).redirectError(data.resolve("serve.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch banner = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = WEB_UI.matcher(line);
                    if (base == null && m.find()) {
                        token = m.group(2);
                        base = m.group(1);
                        banner.countDown();
                    }
                    // and keep draining stdout so the server never blocks on a full pipe
                }
            } catch (IOException ignored) {
                // the server stopped
            } finally {
                banner.countDown();
            }
        });
        banner.await(180, TimeUnit.SECONDS);
        assertThat(base).as("vigil serve printed no web UI address within 180 s; stderr:\n%s",
                Files.readString(data.resolve("serve.err"))).isNotNull();
    }

    /**
     * Before the server under test starts, an earlier server on the same data folder journals a
     * vehicle seen by a drone every second for a minute, five minutes ago (its own times; received
     * now). Returns its live track id and a moment within that minute: the time slider must find it
     * in the journal, since the server under test never saw it live.
     */
    private static String journalAnEarlierTrack(Path dataDir) throws Exception {
        Instant start = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        GeoPoint origin = GeoPoint.of(50.10, 30.10);
        List<Report> reports = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            GeoPoint p = Geodesy.destination(origin, 90, 10.0 * k);
            reports.add(new Report("drone-e2e", start.plusSeconds(k), p.latitudeDeg(), p.longitudeDeg(), Double.NaN, 10,
                    "ground", null));
        }
        try (LiveServer earlier = LiveServer.start(new LiveServer.Options(dataDir, Optional.empty(),
                InetAddress.getLoopbackAddress(), 0, 0, 0, 0, BearerToken.of("e2e-earlier-server-token"), false, 1, 1, 1,
                null, false), TheatreLoader.bundledUkraine(), ForcesReader.bundledDefault())) {
            earlier.live().ingest("http", reports).get(30, TimeUnit.SECONDS);
            GeoPoint end = Geodesy.destination(origin, 90, 590);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (TrackView t : earlier.live().tracks()) {
                    if (Geodesy.distanceMetres(end, GeoPoint.of(t.latDeg(), t.lonDeg())) < 100) {
                        return t.id() + "@" + start.plusSeconds(50);
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the earlier server formed no track from the drone's reports");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void copWorksEndToEndWithNoNetwork() throws Exception {
        String out = runNode(300, "e2e/cop.mjs", base, token);
        assertThat(out).contains(
                "ok - the token is removed from the address bar",
                "ok - the map draws the border",
                "ok - the map draws the line of contact",
                "ok - sites are drawn with data-site-id",
                "ok - simulated tracks appear on the map with data-track-id",
                "ok - tracks move on the map",
                "ok - the alert shows in the list within 2 s of being raised",
                "ok - Acknowledge marks the alert acknowledged",
                "ok - running a plan shows its progress",
                "ok - the posture page shows the new plan",
                "ok - the cap sweep chart is drawn with the current plan marked",
                "ok - running a sweep from the page shows its progress",
                "ok - the chart shows the sweep stored on the server",
                "ok - the sweep is stored, caps in increasing order",
                "ok - moving the slider shows the journal replay loading",
                "ok - the slider replays from the journal a track an earlier server saw",
                "ok - the ISR timeline has one bar per task and one row per asset",
                "ok - unmet requirements are highlighted",
                "ok - /public names no unit, track or sensor",
                "ok - /public calls only /api/public/status, without a token",
                "ok - nothing outside this machine was requested",
                " checks ok, 0 checks failed").doesNotContainPattern("(?m)^not ok");
    }

    @Test
    void liveMapFrameTimeWithFiveThousandTracks() throws Exception {
        String out = runNode(180, "e2e/perf.mjs", base, token, "5000", "10");
        assertThat(out).contains("ok - all 5000 tracks have a marker with data-track-id", "\"frameP95Ms\"")
                .doesNotContainPattern("(?m)^not ok");
    }

    /** Runs a node script in web/, prints its output, and fails on a non-zero exit or a timeout. */
    private static String runNode(int timeoutS, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(data, "node", ".log");
        List<String> cmd = new java.util.ArrayList<>(List.of("node"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(WEB.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("VIGIL_E2E_EXPECT_ISR", "1");
        pb.environment().put("VIGIL_E2E_JOURNAL_TRACK", journaledTrack);
        Process p = pb.start();
        boolean finished = p.waitFor(timeoutS, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("== node " + String.join(" ", args).replace(token, "<token>") + "\n" + out);
        assertThat(finished).as("%s finished within %d s:\n%s", args[0], timeoutS, out).isTrue();
        assertThat(p.exitValue()).as("%s exit code:\n%s", args[0], out).isZero();
        return out;
    }

    /** The build's `npm ci` installs playwright-core; a build with -Dskip.web did not, so do it here. */
    private static void installPlaywright() throws IOException, InterruptedException {
        if (Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
            return;
        }
        Path log = Files.createTempFile("vigil-web-npm", ".log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(WEB.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = npm.waitFor(300, TimeUnit.SECONDS);
        assertThat(done && npm.exitValue() == 0).as("npm ci in web/ failed (the npm registry must be reachable):\n%s",
                Files.readString(log)).isTrue();
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
