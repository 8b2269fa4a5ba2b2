package org.vigil.app.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code /metrics}: one Micrometer registry rendered in the Prometheus text format. It holds the
 * JVM's figures, every HTTP request (timer {@code http_server_requests_seconds} by method, route
 * template and status), the HTTP ingest acknowledgement time, the COP server's counters, the
 * watch pipeline's own meters (it registers them here: reports ingested per channel, tracks,
 * report-to-track latency...) and the gauges the wiring adds (journal position, WebSocket sessions).
 */
public final class ApiMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Micrometer holds a gauge's source weakly: these keep the sources alive as long as the registry. */
    private final List<Object> sources = new CopyOnWriteArrayList<>();

    public ApiMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The exposition text for {@code /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    void httpRequest(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests").tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).register(registry).record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Time from receiving an HTTP report request to its journal acknowledgement. */
    void ingestAcknowledged(Duration took) {
        Timer.builder("vigil.ingest.ack").description("HTTP report request to durable acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry).record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A gauge read on each scrape. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        sources.add(source);
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /**
     * Counters given as Prometheus-style names to values (e.g. the COP server's
     * {@code vigil_cot_events_received_total}), read on each scrape: names ending {@code _total}
     * become counters, the others gauges.
     */
    public void prometheusStyleCounters(Supplier<Map<String, Long>> snapshot) {
        sources.add(snapshot);
        for (String name : snapshot.get().keySet()) {
            boolean counter = name.endsWith("_total");
            String meter = (counter ? name.substring(0, name.length() - "_total".length()) : name).replace('_', '.');
            if (counter) {
                FunctionCounter.builder(meter, snapshot, s -> s.get().getOrDefault(name, 0L)).register(registry);
            } else {
                Gauge.builder(meter, snapshot, s -> s.get().getOrDefault(name, 0L)).register(registry);
            }
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
