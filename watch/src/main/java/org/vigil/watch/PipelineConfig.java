package org.vigil.watch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import org.vigil.track.TrackerConfiguration;
import org.vigil.watch.cot.CotReports;

/**
 * How the {@link Pipeline} runs. {@link #defaults()} suits the bundled theatre and live
 * sensors; the {@code with...} methods change one part.
 *
 * @param tracker               the tracker's parameters (motion noise, detection probability, gates,
 *                              confirmation and deletion); {@code parallel} off keeps the tracker on its one thread
 * @param scanSpan              reports within this stretch of observation time are fused as one scan
 * @param batchDelay            how long the tracker thread lets reports gather after the first one
 *                              arrives, before it fuses them (latency against per-scan cost)
 * @param maxLag                a report up to this far behind the tracker's time is still fused (at the tracker's time)
 * @param maxFutureSkew         reports stamped further ahead of the clock than this are refused
 * @param attributionRadiusMetres how far from a track's updated estimate the report that updated it is looked for
 *                              (the report named in the track's provenance), m
 * @param surfaceHeightMetres   ellipsoidal height of the ground, for reports without a height, m
 * @param trackPublishInterval  each track goes to listeners and TAK clients at most this often (latest state wins)
 * @param trackStale            stale time of a published track's CoT event
 * @param alertStale            stale time of an open alert's CoT event
 * @param snapshotInterval      how often changed tracks are written to the track store (in transactions of 256)
 * @param replayWindow          on start, the journal is replayed from the first report received at most this
 *                              long before the last one (older reports cannot change today's tracks)
 * @param queueCapacity         CoT reports waiting to be journaled; when full, the COP server's I/O threads wait
 *                              (back-pressure on the senders) up to 10 s, then the report is dropped and counted
 * @param cot                   which CoT events are detections, and their default position error
 * @param meters                where the pipeline registers its meters (null: a private registry)
 */
public record PipelineConfig(TrackerConfiguration tracker, Duration scanSpan, Duration batchDelay, Duration maxLag,
                             Duration maxFutureSkew, double attributionRadiusMetres, double surfaceHeightMetres,
                             Duration trackPublishInterval, Duration trackStale, Duration alertStale,
                             Duration snapshotInterval, Duration replayWindow, int queueCapacity, CotReports cot,
                             MeterRegistry meters) {

    public PipelineConfig {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(cot, "cot");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive");
        }
    }

    /**
     * The defaults: the {@code track} module's ground-vehicle tracker on one thread, 50 ms
     * scans gathered for 2 ms (a scan touches only the tracks near its reports and its share of
     * a rolling sweep that reaches every track once a second, so short gathering costs little;
     * at 50,000 reports/s it took the median report-to-track latency from 26 ms at 10 ms to
     * 6 ms), reports fused up to 1 s late and refused 60 s early, a 2 km
     * attribution radius, ground at 150 m, each track published at most once a second and stale after
     * 60 s, alerts stale after an hour, snapshots every 5 s, a one-hour replay window and
     * 65,536 waiting CoT reports.
     */
    public static PipelineConfig defaults() {
        return new PipelineConfig(TrackerConfiguration.defaults().withParallel(false), Duration.ofMillis(50),
                Duration.ofMillis(2), Duration.ofSeconds(1), Duration.ofSeconds(60), 2000, 150,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(5),
                Duration.ofHours(1), 1 << 16, CotReports.defaults(), null);
    }

    public PipelineConfig withMeters(MeterRegistry registry) {
        return new PipelineConfig(tracker, scanSpan, batchDelay, maxLag, maxFutureSkew, attributionRadiusMetres,
                surfaceHeightMetres, trackPublishInterval, trackStale, alertStale, snapshotInterval, replayWindow,
                queueCapacity, cot, registry);
    }

    public PipelineConfig withTracker(TrackerConfiguration value) {
        return new PipelineConfig(value, scanSpan, batchDelay, maxLag, maxFutureSkew, attributionRadiusMetres,
                surfaceHeightMetres, trackPublishInterval, trackStale, alertStale, snapshotInterval, replayWindow,
                queueCapacity, cot, meters);
    }

    public PipelineConfig withTrackPublishInterval(Duration value) {
        return new PipelineConfig(tracker, scanSpan, batchDelay, maxLag, maxFutureSkew, attributionRadiusMetres,
                surfaceHeightMetres, value, trackStale, alertStale, snapshotInterval, replayWindow,
                queueCapacity, cot, meters);
    }

    public PipelineConfig withScans(Duration span, Duration delay) {
        return new PipelineConfig(tracker, span, delay, maxLag, maxFutureSkew, attributionRadiusMetres,
                surfaceHeightMetres, trackPublishInterval, trackStale, alertStale, snapshotInterval, replayWindow,
                queueCapacity, cot, meters);
    }

    public PipelineConfig withMaxFutureSkew(Duration value) {
        return new PipelineConfig(tracker, scanSpan, batchDelay, maxLag, value, attributionRadiusMetres,
                surfaceHeightMetres, trackPublishInterval, trackStale, alertStale, snapshotInterval, replayWindow,
                queueCapacity, cot, meters);
    }

    public PipelineConfig withSnapshotInterval(Duration value) {
        return new PipelineConfig(tracker, scanSpan, batchDelay, maxLag, maxFutureSkew, attributionRadiusMetres,
                surfaceHeightMetres, trackPublishInterval, trackStale, alertStale, value, replayWindow,
                queueCapacity, cot, meters);
    }

    public PipelineConfig withReplayWindow(Duration value) {
        return new PipelineConfig(tracker, scanSpan, batchDelay, maxLag, maxFutureSkew, attributionRadiusMetres,
                surfaceHeightMetres, trackPublishInterval, trackStale, alertStale, snapshotInterval, value,
                queueCapacity, cot, meters);
    }

    public PipelineConfig withCot(CotReports value) {
        return new PipelineConfig(tracker, scanSpan, batchDelay, maxLag, maxFutureSkew, attributionRadiusMetres,
                surfaceHeightMetres, trackPublishInterval, trackStale, alertStale, snapshotInterval, replayWindow,
                queueCapacity, value, meters);
    }
}
