package org.vigil.watch;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The live picture: what the HTTP API and the COP server see of the watch pipeline
 * (ingest -> journal -> tracker -> alert rules -> fan-out).
 */
public interface LivePicture extends AutoCloseable {

    /**
     * Journals the reports as one unit and then feeds them to the tracker. The future
     * completes with their journal ids once they are durable (acknowledge then, not before);
     * it fails, with nothing journaled, if the journal refuses them.
     *
     * @param channel {@code http}, {@code cot-tcp}, {@code cot-tls}, {@code cot-udp} or {@code sim}
     */
    CompletableFuture<long[]> ingest(String channel, List<Report> reports);

    /** A journaled report by id, as it was ingested. */
    Optional<Report> report(long id);

    List<TrackView> tracks();

    /** The most recent alerts, newest first. */
    List<Alert> alerts(int limit);

    /** Acknowledges an alert; empty when no alert has that id. */
    Optional<Alert> acknowledge(long alertId);

    void addListener(LiveListener listener);

    void removeListener(LiveListener listener);

    /** Flushes the journal and stops the pipeline. */
    @Override
    void close();
}
