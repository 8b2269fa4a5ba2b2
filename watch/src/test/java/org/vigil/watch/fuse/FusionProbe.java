package org.vigil.watch.fuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.geo.LocalTangentPlane;
import org.vigil.watch.Report;
import org.vigil.watch.rules.AlertRules;
import org.vigil.watch.rules.Condition;
import org.vigil.watch.rules.ConditionSink;
import org.vigil.watch.rules.RuleEngine;

/** Throughput probe of fusion + rules without sockets or journal; runs only with -Dprobe=true. */
class FusionProbe {
    @Test
    void probe() {
        Assumptions.assumeTrue(Boolean.getBoolean("probe"));
        int targets = Integer.getInteger("targets", 10000);
        int rate = Integer.getInteger("rate", 50000);
        int batchMs = Integer.getInteger("batchMs", 10);
        boolean withRules = !Boolean.getBoolean("noRules");
        Fusion f = new Fusion(TrackerConfiguration.defaults().withParallel(false), new LocalTangentPlane(48.5, 31, 150), 150,
                Duration.ofMillis(50), Duration.ofSeconds(1), 2000, Instant.parse("2020-01-01T00:00:00Z"));
        RuleEngine rules = new RuleEngine(TheatreLoader.bundledUkraine(), AlertRules.defaults());
        ConditionSink sink = new ConditionSink() {
            public void hold(Condition c) { }
            public void clear(String k) { }
        };
        Random r = new Random(1);
        double[] lat = new double[targets], lon = new double[targets], vn = new double[targets], ve = new double[targets];
        for (int i = 0; i < targets; i++) {
            int box = i / 100, k = i % 100;
            lat[i] = 48.0 + (box / 16 % 10) * 0.33 + 0.02 + (k / 10) * 3000 / 111320.0;
            lon[i] = 24.0 + (box % 16) * 0.495 + 0.02 + (k % 10) * 3000 / 74000.0;
            double h = r.nextDouble() * 6.28, s = 8 + 12 * r.nextDouble();
            vn[i] = s * Math.cos(h);
            ve[i] = s * Math.sin(h);
        }
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        int perBatch = rate * batchMs / 1000;
        long id = 1;
        int next = 0;
        int seconds = Integer.getInteger("seconds", 20);
        long measured = 0, mStart = System.nanoTime(), fuseNanos = 0, ruleNanos = 0;
        for (int b = 0; b < seconds * 1000 / batchMs; b++) {
            if (b == 5000 / batchMs) {
                mStart = System.nanoTime();
                measured = 0;
                fuseNanos = 0;
                ruleNanos = 0;
            }
            List<Fusion.Input> batch = new ArrayList<>(perBatch);
            for (int j = 0; j < perBatch; j++) {
                double t = (b * batchMs + j * (double) batchMs / perBatch) / 1000.0;
                Instant ti = t0.plusNanos((long) (t * 1e9));
                int i = next;
                next = (next + 1) % targets;
                Report rep = new Report("s" + i / 100, ti, lat[i] + (vn[i] * t + r.nextGaussian() * 15) / 111320.0,
                        lon[i] + (ve[i] * t + r.nextGaussian() * 15) / 74000.0, Double.NaN, 15, "ground", "u" + i);
                batch.add(new Fusion.Input(id++, rep, 0));
            }
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long a = mx.getCurrentThreadCpuTime();
            List<Fusion.Outcome> outs = f.process(batch);
            long c = mx.getCurrentThreadCpuTime();
            if (withRules) {
                for (Fusion.Input in : batch) {
                    rules.reportAccepted(in.report());
                }
                for (Fusion.Outcome o : outs) {
                    for (Fusion.TrackState s : o.changed()) {
                        rules.trackChanged(s.view(), sink);
                    }
                }
            }
            fuseNanos += c - a;
            ruleNanos += mx.getCurrentThreadCpuTime() - c;
            measured += perBatch;
        }
        double secs = (System.nanoTime() - mStart) / 1e9;
        System.out.printf("PROBE targets=%d rate=%d batchMs=%d: %.0f reports/s; CPU: fuse %.1f us/report, rules %.1f us/report;"
                        + " tracks=%d late=%d scans=%d%n", targets, rate, batchMs, measured / secs, fuseNanos / 1e3 / measured,
                ruleNanos / 1e3 / measured, f.picture().size(), f.lateReports(), f.scans());
    }
}
