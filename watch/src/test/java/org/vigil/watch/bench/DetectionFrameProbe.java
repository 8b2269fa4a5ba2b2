package org.vigil.watch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.event.CotEvent;

/**
 * The sensor threads' CPU per detection, before (event, codec, framing, burst copy: the path
 * kept in {@link DetectionFrameTest#referenceFrame}) and now ({@code Sensor.send} into the
 * reused buffer), writing to a null stream so that only the bench's own work is timed. Thread
 * CPU time over a few million detections after a warm-up, in bursts as the bench sends them
 * (100 connections at 500/s each with 20 ms bursts is 10 a burst). Runs only with
 * {@code -Dprobe=true}; {@code -Ddetections=N}, {@code -DburstSize=B}, {@code -Drounds=R}.
 */
class DetectionFrameProbe {

    @Test
    void cpuPerDetection() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("probe"));
        int detections = Integer.getInteger("detections", 3_000_000);
        int burstSize = Integer.getInteger("burstSize", 10);
        int rounds = Integer.getInteger("rounds", 3);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        IngestBench bench = new IngestBench(new IngestBench.Config("127.0.0.1", 1, 100, 500, Duration.ofSeconds(1),
                Duration.ZERO, 100, "pb", null, null, 1, Duration.ofMillis(20)));
        long start = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
        OldSensor old = new OldSensor(bench.new Sensor(7), OutputStream.nullOutputStream());
        IngestBench.Sensor now = bench.new Sensor(7);
        now.out = OutputStream.nullOutputStream();
        now.protobuf = true;
        now.startMillis = start;

        // warm-up: both paths compiled before either is timed
        runOld(old, start, detections / 3, burstSize);
        runNew(now, start, detections / 3, burstSize);
        double[] oldNs = new double[rounds];
        double[] newNs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            runOld(old, start, detections, burstSize);
            long t1 = threads.getCurrentThreadCpuTime();
            runNew(now, start, detections, burstSize);
            long t2 = threads.getCurrentThreadCpuTime();
            oldNs[r] = (t1 - t0) / (double) detections;
            newNs[r] = (t2 - t1) / (double) detections;
        }
        Arrays.sort(oldNs);
        Arrays.sort(newNs);
        System.out.printf("detection frames, CPU per detection (%d detections x %d rounds, bursts of %d):"
                        + " before %.0f ns (rounds %s), after %.0f ns (rounds %s)%n", detections, rounds, burstSize,
                oldNs[rounds / 2], Arrays.toString(oldNs), newNs[rounds / 2], Arrays.toString(newNs));
        assertThat(newNs[rounds / 2]).isPositive();
    }

    private static void runOld(OldSensor s, long start, int detections, int burstSize) throws IOException {
        long time = start;
        for (int sent = 0; sent < detections; sent += burstSize) {
            time += 20;
            s.send(time, burstSize);
        }
    }

    private static void runNew(IngestBench.Sensor s, long start, int detections, int burstSize) throws IOException {
        long time = start;
        for (int sent = 0; sent < detections; sent += burstSize) {
            time += 20;
            s.send(time, burstSize);
        }
    }

    /** The sensor's send loop as it was: one event per detection, codec, framing, a burst copy. */
    private static final class OldSensor {
        final IngestBench.Sensor targets;
        final OutputStream out;
        final TakProtoCodec proto = new TakProtoCodec();
        final Random noise = new Random(7);
        final ByteArrayOutputStream burst = new ByteArrayOutputStream(64 * 1024);
        int next;

        OldSensor(IngestBench.Sensor targets, OutputStream out) {
            this.targets = targets;
            this.out = out;
            targets.startMillis = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
        }

        void send(long nowMillis, int n) throws IOException {
            burst.reset();
            for (int i = 0; i < n; i++) {
                CotEvent e = detection(next, nowMillis);
                next = (next + 1) % targets.lat0.length;
                burst.write(TakFraming.streamFrame(proto.encode(e)));
            }
            out.write(burst.toByteArray());
            out.flush();
        }

        CotEvent detection(int target, long nowMillis) {
            double t = (nowMillis - targets.startMillis) / 1000.0;
            double cosLat = Math.cos(Math.toRadians(targets.lat0[target]));
            double lat = targets.lat0[target] + (targets.vn[target] * t + noise.nextGaussian() * 15) / 111_320.0;
            double lon = targets.lon0[target]
                    + (targets.ve[target] * t + noise.nextGaussian() * 15) / (111_320.0 * cosLat);
            return DetectionFrameTest.referenceEvent(targets.targetUid(target), targets.group, nowMillis, lat, lon);
        }
    }
}
