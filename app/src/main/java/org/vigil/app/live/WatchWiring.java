package org.vigil.app.live;

import java.nio.file.Path;
import java.time.Clock;
import org.vigil.app.http.ApiMetrics;
import org.vigil.cot.server.CotServer;
import org.vigil.store.Store;
import org.vigil.theatre.Theatre;
import org.vigil.watch.LivePicture;
import org.vigil.watch.Pipeline;
import org.vigil.watch.PipelineConfig;
import org.vigil.watch.rules.AlertRules;

/** Builds the watch pipeline over the store and the TAK server (the one place app names its implementation). */
final class WatchWiring {

    private WatchWiring() {
    }

    /** The live pipeline's configuration; the history replay ({@link LiveServer#historyPipelines}) uses it too. */
    static PipelineConfig liveConfig() {
        return PipelineConfig.defaults();
    }

    /**
     * Replays the journal into a new pipeline (blocking until tracks and open alerts are rebuilt),
     * then lets it take CoT detections from the TAK server and publish tracks and alerts to it.
     *
     * @param rulesFile alert rules laid over the defaults, or null for the defaults
     */
    static LivePicture open(Store store, Theatre theatre, CotServer cot, ApiMetrics metrics, Path rulesFile) {
        AlertRules rules = rulesFile == null ? AlertRules.defaults() : AlertRules.load(rulesFile);
        Pipeline pipeline = new Pipeline(theatre, store, rules, Clock.systemUTC(),
                liveConfig().withMeters(metrics.registry()));
        pipeline.start();
        pipeline.attach(cot);
        return pipeline;
    }
}
