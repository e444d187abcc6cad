package org.medsearch.web;

import io.javalin.http.Context;
import io.javalin.micrometer.MicrometerPlugin;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.medsearch.index.Fields;
import org.medsearch.search.Searcher;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus metrics at {@code /metrics}: requests by route and status with a latency
 * histogram (Javalin's Micrometer plugin times every request in Jetty and tags it with the matched route
 * template, so an article id never becomes a label), searches running, queued and rejected, the live
 * index, and the JVM's memory, GC, threads and CPU.
 */
final class ServerMetrics implements AutoCloseable {
    /** The Prometheus text format, the one every scraper reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The plugin's request timer, as Micrometer names it (Prometheus: jetty_server_requests_seconds). */
    static final String REQUESTS = "jetty.server.requests";
    /** Histogram buckets: from a cached suggestion to a search that waited for the gate. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics() {
        // Before any meter exists: the filter applies to meters registered after it.
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(REQUESTS)) {
                    return config;
                }
                double[] slos = new double[BUCKETS.length];
                for (int i = 0; i < BUCKETS.length; i++) {
                    slos[i] = BUCKETS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(slos).build().merge(config);
            }
        });
        // The plugin's connection byte counters stay at 0 under Javalin (javalin/javalin#1104): a metric that
        // always reads 0 misleads more than a missing one. Bytes per request are in the access log.
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("jetty.connections.bytes"));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Javalin's plugin, timing every request into this registry. */
    MicrometerPlugin plugin() {
        return new MicrometerPlugin(c -> {
            c.registry = registry;
            // A 404 from a route (no such article) is that route's; only unrouted paths count as NOT_FOUND.
            c.tagNotFoundMappedPaths = true;
        });
    }

    /** Searches running, waiting for a permit, and refused with 503. */
    void bind(SearchGate gate) {
        Gauge.builder("medsearch.searches.running", gate, SearchGate::running)
                .description("Searches running now").register(registry);
        Gauge.builder("medsearch.searches.queued", gate, SearchGate::queued)
                .description("Searches waiting for a free search thread").register(registry);
        FunctionCounter.builder("medsearch.searches.rejected", gate, SearchGate::rejected)
                .description("Searches refused with 503 after waiting too long").register(registry);
    }

    /** The live index: its generation, size, and when and how fast the reindex that built it ran. */
    void bind(Searcher searcher) {
        index(searcher, "medsearch.index.generation", "Number of the live index generation (gen-NNNNNN)", null,
                stats -> generation(stats.get(Searcher.STATS_GENERATION)));
        index(searcher, "medsearch.index.articles", "Articles in the live index", null,
                stats -> number(stats.get(Fields.COMMIT_ARTICLES)));
        index(searcher, "medsearch.index.sections", "Sections in the live index", null,
                stats -> number(stats.get(Fields.COMMIT_SECTIONS)));
        index(searcher, "medsearch.reindex.last.duration", "How long the reindex that built the live index took",
                "seconds", stats -> number(stats.get(Fields.COMMIT_MILLIS)) / 1000);
        index(searcher, "medsearch.reindex.last.finished.timestamp", "When the reindex that built the live index "
                + "committed (Unix time)", "seconds", stats -> number(stats.get(Fields.COMMIT_FINISHED)) / 1000);
    }

    private void index(Searcher searcher, String name, String description, String unit,
                       ToDoubleFunction<Map<String, String>> value) {
        Gauge.builder(name, searcher, s -> value.applyAsDouble(s.stats()))
                .description(description).baseUnit(unit).register(registry);
    }

    /** {@code GET /metrics}. */
    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }

    /** The registry, for tests that read a meter directly. */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    private static double number(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** 7 for {@code gen-000007}. */
    private static double generation(String folder) {
        return folder == null ? Double.NaN : number(folder.replaceAll("\\D", ""));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
