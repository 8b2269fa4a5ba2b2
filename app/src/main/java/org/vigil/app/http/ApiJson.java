package org.vigil.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.vigil.theatre.site.Site;
import org.vigil.watch.Alert;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;

/**
 * The JSON shapes of the API (documented in README's "HTTP API"): one record per object the
 * clients see, WGS84 degrees, metres, m/s, times as ISO-8601 UTC strings. Numbers that a source
 * leaves undefined (NaN) become {@code null}, never the non-JSON {@code NaN}.
 */
public final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    /** A track: {@code courseDeg} clockwise from north. */
    public record TrackJson(String id, Double lat, Double lon, Double speedMps, Double courseDeg, Double sigmaM,
                            String updated, String kind) {
        static TrackJson of(TrackView t) {
            return new TrackJson(t.id(), num(t.latDeg()), num(t.lonDeg()), num(t.speedMps()), num(t.courseDeg()),
                    num(t.sigmaM()), time(t.updated()), t.kind());
        }
    }

    /** An alert; {@code lat}/{@code lon} place it on a map (its site's position, else its track's now, else null). */
    public record AlertJson(long id, String rule, String siteId, String trackId, String time, boolean acknowledged,
                            boolean open, String message, Double lat, Double lon) {
        static AlertJson of(Alert a) {
            return of(a, null);
        }

        static AlertJson of(Alert a, double[] latLon) {
            return new AlertJson(a.id(), a.rule(), a.siteId(), a.trackId(), ApiJson.time(a.time()), a.acknowledged(), a.open(),
                    a.message(), latLon == null ? null : latLon[0], latLon == null ? null : latLon[1]);
        }
    }

    public record ReportJson(long id, String sensor, String time, Double lat, Double lon, Double heightM, Double sigmaM,
                             String kind, String uid) {
        static ReportJson of(long id, Report r) {
            return new ReportJson(id, r.sensor(), ApiJson.time(r.time()), num(r.latDeg()), num(r.lonDeg()), num(r.heightM()),
                    num(r.sigmaM()), r.kind(), r.uid());
        }
    }

    public record SiteJson(String id, String name, String kind, double lat, double lon, String oblast, String control,
                           Long population, Double capacityMw) {
        static SiteJson of(Site s) {
            return new SiteJson(s.id(), s.name(), s.kind().code(), s.location().latitudeDeg(), s.location().longitudeDeg(),
                    s.oblast(), s.control().code(), s.population().isPresent() ? s.population().getAsLong() : null,
                    s.capacityMw().isPresent() ? s.capacityMw().getAsDouble() : null);
        }
    }

    public record IdsJson(long[] ids) {
    }

    public record ErrorJson(String error, String field) {
    }

    static List<TrackJson> tracks(List<TrackView> tracks) {
        return tracks.stream().map(TrackJson::of).toList();
    }

    static List<AlertJson> alerts(List<Alert> alerts, java.util.function.Function<Alert, double[]> place) {
        return alerts.stream().map(a -> AlertJson.of(a, place.apply(a))).toList();
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
