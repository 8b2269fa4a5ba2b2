package org.vigil.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.posture.model.Forces;
import org.vigil.store.PlanStore;
import org.vigil.store.StoredPlan;
import org.vigil.theatre.Theatre;
import org.vigil.watch.LivePicture;
import org.vigil.watch.Report;
import org.vigil.watch.ingest.InvalidReportException;

/**
 * The HTTP and WebSocket API of the live picture (Javalin 7 on Jetty 12), as documented in
 * README's "HTTP API": reports in, tracks, alerts, sites, theatre geometry and posture plans out,
 * {@code /api/live} pushing changes, {@code /health} and {@code /metrics}; and the browser UI
 * served from the {@code web} module's jar (classpath {@code /web}).
 *
 * <p>Auth: every {@code /api/...} path (except {@code /api/public/...}) and {@code /metrics}
 * need {@code Authorization: Bearer T}; the UI shell, {@code /public} and {@code /health} do
 * not, since they carry no data. The token is never logged: Javalin's request logger is used
 * only for metrics, and error logs name the path without its query string.
 */
public final class ApiServer implements AutoCloseable {

    /** Largest request body, bytes; larger gets 413 before the body is read. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    static final String WEB_ROOT = "/web";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final LivePicture live;
    private final java.nio.file.Path isrDir;
    private final PlanStore plans;
    private final Theatre theatre;
    private final BearerToken token;
    private final ApiMetrics metrics;
    private final LiveHub hub;
    private final AlertPlaces places;
    private final JournalHistory history;
    private final PostureJobs jobs;
    private final PublicStatus publicStatus;
    private final TheatreGeoJson theatreGeoJson;
    private final Map<Long, byte[]> theatreJsonCache = new ConcurrentHashMap<>();
    private final boolean webPresent;
    private volatile java.util.function.Supplier<Optional<String>> isrPlanning = Optional::empty;
    private Javalin app;

    /**
     * @param forces         the forces the posture planner may station
     * @param plannerWorkers CP-SAT search workers for a posture plan
     * @param isrDir         where {@code vigil plan isr} writes its plan (or null): served when newer than the store's
     * @param history        the time slider's history, replayed from the journal (closed with this server)
     */
    public ApiServer(LivePicture live, PlanStore plans, Theatre theatre, Forces forces,
                     BearerToken token, ApiMetrics metrics, int plannerWorkers, java.nio.file.Path isrDir,
                     JournalHistory history) {
        this.isrDir = isrDir;
        this.live = live;
        this.plans = plans;
        this.theatre = theatre;
        this.token = token;
        this.metrics = metrics;
        this.places = new AlertPlaces(theatre, live);
        this.hub = new LiveHub(live, token, places);
        this.history = history;
        this.jobs = new PostureJobs(theatre, forces, plans, plannerWorkers, this::planJobChanged);
        this.publicStatus = new PublicStatus(theatre, live);
        this.theatreGeoJson = new TheatreGeoJson(theatre);
        this.webPresent = ApiServer.class.getResource(WEB_ROOT + "/index.html") != null;
        metrics.gauge("vigil.ws.sessions", "authenticated WebSocket sessions", hub, LiveHub::sessions);
        metrics.gauge("vigil.ws.messages.sent", "WebSocket messages sent", hub, h -> h.messagesSent());
    }

    /** Hands posture job changes to the WebSocket. */
    public void planJobChanged(PostureJobs.JobJson job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "planJob");
        m.put("job", job);
        hub.broadcast(m);
    }

    public PostureJobs postureJobs() {
        return jobs;
    }

    public LiveHub hub() {
        return hub;
    }

    /**
     * What to say while an ISR plan is being made in the background (e.g. by {@code vigil demo}):
     * the 404 of {@code /api/plans/isr} then says so, starting "an ISR plan is being made", and the
     * ISR view asks again until the plan is there.
     */
    public void isrPlanning(java.util.function.Supplier<Optional<String>> status) {
        this.isrPlanning = status;
    }

    /** True when the web module's built UI is on the class path. */
    public boolean webPresent() {
        return webPresent;
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start(String host, int port) {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            if (webPresent) {
                cfg.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = WEB_ROOT;
                    sf.location = Location.CLASSPATH;
                });
            }
            cfg.requestLogger.http((ctx, ms) -> metrics.httpRequest(ctx.method().name(), route(ctx), ctx.statusCode(),
                    Duration.ofNanos((long) (ms * 1e6))));
            routes(cfg.routes);
        });
        app.start();
        return app.port();
    }

    public int port() {
        return app.port();
    }

    private void routes(RoutesConfig r) {
        r.before(this::authenticate);
        r.wsBeforeUpgrade("/api/live", ctx -> {
            String t = ctx.queryParam("token");
            if (t != null && !token.matches(t)) {
                throw new ApiException(401, "missing or wrong bearer token", null);
            }
        });
        r.ws("/api/live", hub::configure);

        r.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok")));
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        if (!webPresent) {
            r.get("/", ctx -> ctx.html(placeholder("Vigil", "The web UI was not built: build the <code>web</code> module "
                    + "(<code>./mvnw -pl web install</code>) and rebuild the app. The API is at <code>/api/...</code>.")));
        }
        r.get("/public", this::publicPage);
        r.get("/api/public/status", ctx -> json(ctx, 200, publicStatus.now()));

        r.post("/api/reports", this::postReports);
        r.get("/api/reports/{id}", ctx -> {
            long id = idParam(ctx);
            Report report = live.report(id).orElseThrow(() -> ApiException.notFound("no report " + id));
            json(ctx, 200, ApiJson.ReportJson.of(id, report));
        });
        r.get("/api/tracks", ctx -> json(ctx, 200, ApiJson.tracks(live.tracks())));
        r.get("/api/tracks/history", this::trackHistory);
        r.get("/api/alerts", ctx -> json(ctx, 200, ApiJson.alerts(live.alerts(limitParam(ctx)), places.forBatch())));
        r.post("/api/alerts/{id}/ack", ctx -> {
            long id = idParam(ctx);
            var alert = live.acknowledge(id).orElseThrow(() -> ApiException.notFound("no alert " + id));
            json(ctx, 200, ApiJson.AlertJson.of(alert, places.forBatch().apply(alert)));
        });
        r.get("/api/sites", ctx -> json(ctx, 200, theatre.sites().stream().map(ApiJson.SiteJson::of).toList()));
        r.get("/api/theatre", this::theatre);
        r.get("/api/plans/posture", ctx -> {
            StoredPlan p = plans.latest("posture").orElseThrow(() -> ApiException.notFound("no posture plan yet"));
            json(ctx, 200, storedPlan(p));
        });
        r.post("/api/plans/posture", ctx -> json(ctx, 202, Map.of("job", jobs.submit(planRequest(ctx)))));
        r.post("/api/plans/posture/sweep", ctx -> json(ctx, 202, Map.of("job", jobs.submitSweep(sweepRequest(ctx)))));
        r.get("/api/plans/posture/sweep", ctx -> json(ctx, 200,
                parse(plans.latest("posture-sweep").orElseThrow(() -> ApiException.notFound("no posture sweep stored")).json())));
        r.get("/api/plans/isr", ctx -> ctx.status(200).contentType("application/json")
                .result(latestIsr("isr", "isr-plan.json").orElseThrow(() -> ApiException.notFound(
                        isrPlanning.get().orElse("no ISR plan yet")))));
        r.get("/api/plans/isr/coverage", ctx -> ctx.status(200).contentType("application/geo+json")
                .result(latestIsr("isr-coverage", "coverage.geojson").orElseThrow(() -> ApiException.notFound(
                        isrPlanning.get().orElse("no ISR coverage yet")))));
        r.get("/api/plans/posture/jobs/{id}", ctx -> {
            String id = ctx.pathParam("id");
            json(ctx, 200, jobs.job(id).orElseThrow(() -> ApiException.notFound("no posture job " + id)));
        });

        r.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"vigil\"");
            }
            json(ctx, e.status(), new ApiJson.ErrorJson(e.getMessage(), e.field()));
        });
        r.exception(PostureJobs.JobConflict.class, (e, ctx) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.getMessage());
            m.put("job", e.running());
            json(ctx, 409, m);
        });
        r.exception(HttpResponseException.class, (e, ctx) ->
                json(ctx, e.getStatus(), new ApiJson.ErrorJson(e.getMessage(), null)));
        r.exception(IllegalArgumentException.class, (e, ctx) ->
                json(ctx, 400, new ApiJson.ErrorJson(e.getMessage(), null)));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
            json(ctx, 500, new ApiJson.ErrorJson("internal error: " + e.getClass().getSimpleName(), null));
        });
        r.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && (ctx.result() == null || !ctx.result().startsWith("{"))) {
                json(ctx, 404, new ApiJson.ErrorJson("no such endpoint: " + ctx.method() + " " + ctx.path(), null));
            }
        });
    }

    private void authenticate(Context ctx) {
        String path = ctx.path();
        boolean guarded = path.equals("/metrics")
                || (path.startsWith("/api/") && !path.startsWith("/api/public/") && !path.equals("/api/live"));
        if (guarded && !token.matchesHeader(ctx.header("Authorization"))) {
            throw new ApiException(401, "missing or wrong bearer token", null);
        }
    }

    private void postReports(Context ctx) throws IOException {
        long received = System.nanoTime();
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        List<Report> reports = ReportParser.parse(body);
        CompletableFuture<long[]> journaled;
        try {
            journaled = live.ingest("http", reports);
        } catch (InvalidReportException e) {
            throw refused(e, reports.size());
        }
        ctx.future(() -> journaled.handle((ids, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof InvalidReportException bad) {
                    ApiException e = refused(bad, reports.size());
                    json(ctx, 400, new ApiJson.ErrorJson(e.getMessage(), e.field()));
                    return null;
                }
                LOG.warn("journal refused {} report(s): {}", reports.size(), cause.toString());
                json(ctx, 503, new ApiJson.ErrorJson("the journal refused the reports; nothing was kept: "
                        + cause.getMessage(), null));
            } else {
                metrics.ingestAcknowledged(Duration.ofNanos(System.nanoTime() - received));
                json(ctx, 202, new ApiJson.IdsJson(ids));
            }
            return null;
        }));
    }

    /** The pipeline's own refusal (e.g. a time too far in the future), named like the parser's. */
    private static ApiException refused(InvalidReportException e, int batchSize) {
        String field = (batchSize > 1 ? "[" + e.index() + "]." : "") + e.field();
        return ApiException.badRequest(field, e.reason());
    }

    /**
     * The newer of the store's latest plan of {@code kind} and the file {@code vigil plan isr}
     * wrote in the ISR folder (its default output, {@code DATA_DIR/isr}), so a plan made beside a
     * running server shows without a restart.
     */
    private Optional<String> latestIsr(String kind, String fileName) throws IOException {
        Optional<StoredPlan> stored = plans.latest(kind);
        if (isrDir != null) {
            java.nio.file.Path file = isrDir.resolve(fileName);
            if (java.nio.file.Files.isRegularFile(file)) {
                Instant written = java.nio.file.Files.getLastModifiedTime(file).toInstant();
                if (stored.isEmpty() || written.isAfter(stored.get().created())) {
                    return Optional.of(java.nio.file.Files.readString(file));
                }
            }
        }
        return stored.map(StoredPlan::json);
    }

    /**
     * {@code GET /api/tracks/history?from=&to=&stepS=&limit=&waitS=}: the journal replayed over the
     * window (see {@link JournalHistory}); 200 with the states once the replay is done, 202 with its
     * progress while it runs (ask again after {@code Retry-After}).
     */
    private void trackHistory(Context ctx) {
        Instant to = instantParam(ctx, "to", Instant.now());
        Instant from = instantParam(ctx, "from", to.minus(Duration.ofMinutes(30)));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", "must not be after 'to'");
        }
        int limit = (int) wholeParam(ctx, "limit", 200_000, 1, JournalHistory.MAX_STATES);
        long stepS = wholeParam(ctx, "stepS", 10, 1, 600);
        long waitS = wholeParam(ctx, "waitS", 2, 0, 60);
        JournalHistory.Answer answer;
        try {
            answer = history.request(from, to, Duration.ofSeconds(stepS), limit, Duration.ofSeconds(waitS));
        } catch (JournalHistory.Refused e) {
            if (e.status() == 503) {
                ctx.header("Retry-After", "2");
            }
            throw e.status() == 400 ? ApiException.badRequest(e.field(), e.getMessage())
                    : new ApiException(e.status(), e.getMessage(), e.field());
        }
        switch (answer) {
            case JournalHistory.Answer.Ready r -> {
                ctx.header("X-Vigil-Truncated", Boolean.toString(r.truncated()));
                ctx.header("X-Vigil-Replayed-Reports", Long.toString(r.reportsReplayed()));
                ctx.header("X-Vigil-Replay-Seconds", String.format(java.util.Locale.ROOT, "%.3f", r.replaySeconds()));
                ctx.header("X-Vigil-Cached", Boolean.toString(r.cached()));
                json(ctx, 200, ApiJson.tracks(r.states()));
            }
            case JournalHistory.Answer.Running r -> {
                ctx.header("Retry-After", "1");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", r.queued() ? "queued" : "running");
                m.put("progress", Math.round(r.progress() * 1000) / 1000.0);
                m.put("reports", r.reports());
                m.put("replayed", r.replayed());
                json(ctx, 202, m);
            }
        }
    }

    private static long wholeParam(Context ctx, String name, long fallback, long min, long max) {
        String s = ctx.queryParam(name);
        if (s == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(s);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.badRequest(name, "must be a whole number between " + min + " and " + max + ", got '" + s + "'");
    }

    private static Instant instantParam(Context ctx, String name, Instant fallback) {
        String s = ctx.queryParam(name);
        if (s == null) {
            return fallback;
        }
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 instant such as 2026-03-01T10:00:00Z, got '" + s + "'");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes; send fewer reports per request", null);
    }

    private void theatre(Context ctx) {
        double standoffKm;
        String q = ctx.queryParam("standoffKm");
        if (q != null) {
            try {
                standoffKm = Double.parseDouble(q);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("standoffKm", "must be a number of km, got '" + q + "'");
            }
            if (!(standoffKm >= 0 && standoffKm <= 500)) {
                throw ApiException.badRequest("standoffKm", "must be between 0 and 500 km, got " + q);
            }
        } else {
            standoffKm = plans.latest("posture").map(p -> parse(p.json()).path("standoffKm").asDouble(50)).orElse(50.0);
        }
        long metres = Math.round(standoffKm * 1000);
        byte[] body = theatreJsonCache.computeIfAbsent(metres, m -> ApiJson.bytes(theatreGeoJson.featureCollection(m)));
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.status(200).contentType("application/geo+json").result(body);
    }

    private Map<String, Object> storedPlan(StoredPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("created", p.created().toString());
        m.put("plan", parse(p.json()));
        return m;
    }

    private static JsonNode parse(String json) {
        try {
            return ApiJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored plan is not JSON", e);
        }
    }

    /**
     * A request body that is either empty (null: take the defaults) or a JSON object with only
     * the {@code known} fields; 400 naming the problem otherwise.
     */
    private static JsonNode optionalObject(Context ctx, List<String> known, String example) throws IOException {
        byte[] body = ctx.req().getInputStream().readNBytes(64 * 1024);
        if (body.length == 0) {
            return null;
        }
        JsonNode o;
        try {
            o = ApiJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the body is not valid JSON");
        }
        if (o == null || o.isMissingNode() || o.isNull()) {
            return null;
        }
        if (!o.isObject()) {
            throw ApiException.badRequest(null, "expected an object such as " + example);
        }
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw ApiException.badRequest(f, "unknown field (known: " + String.join(", ", known) + ")");
            }
        }
        return o;
    }

    private static PostureJobs.Request planRequest(Context ctx) throws IOException {
        PostureJobs.Request d = PostureJobs.Request.defaults();
        JsonNode o = optionalObject(ctx, List.of("cap", "standoffKm", "timeLimitS"),
                "{\"cap\":30000,\"standoffKm\":50}");
        if (o == null) {
            return d;
        }
        return new PostureJobs.Request(
                (int) number(o, "cap", d.cap()),
                number(o, "standoffKm", d.standoffKm()),
                number(o, "timeLimitS", d.timeLimitSeconds()));
    }

    /** {@code {"caps"?: [troops, ...], "standoffKm"?, "timeLimitS"? (per cap)}}; absent fields take the defaults. */
    private static PostureJobs.SweepRequest sweepRequest(Context ctx) throws IOException {
        PostureJobs.SweepRequest d = PostureJobs.SweepRequest.defaults();
        JsonNode o = optionalObject(ctx, List.of("caps", "standoffKm", "timeLimitS"),
                "{\"caps\":[10000,20000,30000],\"timeLimitS\":10}");
        if (o == null) {
            return d;
        }
        List<Integer> caps = d.caps();
        JsonNode c = o.get("caps");
        if (c != null && !c.isNull()) {
            if (!c.isArray()) {
                throw ApiException.badRequest("caps", "must be an array of troop caps such as [10000, 20000, 30000]");
            }
            List<Integer> given = new java.util.ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                JsonNode v = c.get(i);
                if (!v.isNumber() || !v.canConvertToInt() || v.asDouble() != Math.rint(v.asDouble())) {
                    throw ApiException.badRequest("caps[" + i + "]", "must be a whole number of troops, got " + v);
                }
                given.add(v.asInt());
            }
            caps = given;
        }
        return new PostureJobs.SweepRequest(caps, number(o, "standoffKm", d.standoffKm()),
                number(o, "timeLimitS", d.timeLimitSeconds()));
    }

    private static double number(JsonNode o, String field, double fallback) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw ApiException.badRequest(field, "must be a number");
        }
        if (field.equals("cap") && !v.canConvertToInt()) {
            throw ApiException.badRequest(field, "must be a whole number of troops");
        }
        return v.asDouble();
    }

    private void publicPage(Context ctx) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream(WEB_ROOT + "/public.html")) {
            if (in == null) {
                ctx.html(placeholder("Vigil — public status", "The public page was not built (<code>web</code> module). "
                        + "The status is at <a href=\"/api/public/status\">/api/public/status</a>."));
            } else {
                ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
            }
        }
    }

    private static String placeholder(String title, String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>" + title + "</h1><p>"
                + text + "</p></body></html>";
    }

    private static long idParam(Context ctx) {
        String s = ctx.pathParam("id");
        try {
            long id = Long.parseLong(s);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("id", "must be a positive whole number, got '" + s + "'");
        }
    }

    private static int limitParam(Context ctx) {
        String s = ctx.queryParam("limit");
        if (s == null) {
            return 200;
        }
        try {
            int n = Integer.parseInt(s);
            if (n < 1 || n > 1000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit", "must be a whole number between 1 and 1000, got '" + s + "'");
        }
    }

    private static String route(Context ctx) {
        try {
            return Optional.ofNullable(ctx.endpoint()).map(e -> e.path).orElse("unmatched");
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(ApiJson.bytes(value));
    }

    @Override
    public void close() {
        hub.close();
        history.close();
        jobs.close();
        if (app != null) {
            app.stop();
        }
    }
}
