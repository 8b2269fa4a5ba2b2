package org.vigil.app.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.vigil.watch.Report;

/**
 * Reads the body of {@code POST /api/reports}: one detection object or an array of them, e.g.
 * {@code {"sensor":"drone-7","time":"2026-03-01T10:00:00Z","lat":47.51,"lon":34.58,"sigmaM":25,"kind":"ground"}}.
 * Validation is all-or-nothing: the first bad field of any item rejects the whole body, naming
 * the field ({@code [3].lat} inside an array), so a bad array never journals its good items.
 * Unknown fields are refused by name rather than ignored, so a misspelt {@code sigma} is not
 * silently dropped.
 */
public final class ReportParser {

    /** Most detections in one request; more is refused with 413 like an oversized body. */
    public static final int MAX_ITEMS = 10_000;

    static final double MAX_SIGMA_METRES = 100_000;

    private static final Set<String> KINDS = Set.of("ground", "air", "sea", "unknown");
    private static final Set<String> FIELDS = Set.of("sensor", "time", "lat", "lon", "sigmaM", "kind", "heightM", "uid");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ReportParser() {
    }

    /** The detections of a request body, in order; throws {@link ApiException} 400 or 413. */
    public static List<Report> parse(byte[] body) {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the body could not be read");
        }
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest(null, "the body is empty; send a detection object or an array of them");
        }
        if (root.isObject()) {
            return List.of(report(root, ""));
        }
        if (!root.isArray()) {
            throw ApiException.badRequest(null, "expected a detection object or an array of them");
        }
        if (root.isEmpty()) {
            throw ApiException.badRequest(null, "the array is empty");
        }
        if (root.size() > MAX_ITEMS) {
            throw new ApiException(413, "at most " + MAX_ITEMS + " detections per request, got " + root.size(), null);
        }
        List<Report> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                throw ApiException.badRequest("[" + i + "]", "must be a detection object");
            }
            out.add(report(item, "[" + i + "]."));
        }
        return out;
    }

    private static Report report(JsonNode o, String at) {
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(at + name, "unknown field (known: sensor, time, lat, lon, sigmaM, kind, heightM, uid)");
            }
        }
        String sensor = text(o, at, "sensor", true, 128);
        if (sensor.isBlank()) {
            throw ApiException.badRequest(at + "sensor", "must not be blank");
        }
        String timeText = text(o, at, "time", true, 64);
        Instant time;
        try {
            time = Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(at + "time", "must be an ISO-8601 instant such as 2026-03-01T10:00:00Z, got '" + timeText + "'");
        }
        double lat = number(o, at, "lat", true, -90, 90);
        double lon = number(o, at, "lon", true, -180, 180);
        double sigma = number(o, at, "sigmaM", true, 0, MAX_SIGMA_METRES);
        if (!(sigma > 0)) {
            throw ApiException.badRequest(at + "sigmaM", "must be greater than 0 m");
        }
        double height = number(o, at, "heightM", false, -12_000, 100_000);
        String kind = text(o, at, "kind", false, 16);
        if (kind == null) {
            kind = "unknown";
        } else if (!KINDS.contains(kind)) {
            throw ApiException.badRequest(at + "kind", "must be one of ground, air, sea, unknown; got '" + kind + "'");
        }
        String uid = text(o, at, "uid", false, 256);
        return new Report(sensor, time, lat, lon, height, sigma, kind, uid);
    }

    private static String text(JsonNode o, String at, String name, boolean required, int maxLength) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest(at + name, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(at + name, "must be a string");
        }
        String s = v.textValue();
        if (s.length() > maxLength) {
            throw ApiException.badRequest(at + name, "must be at most " + maxLength + " characters");
        }
        return s;
    }

    /** A number in [min, max]; NaN when absent and not required. */
    private static double number(JsonNode o, String at, String name, boolean required, double min, double max) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest(at + name, "is required");
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw ApiException.badRequest(at + name, "must be a number");
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw ApiException.badRequest(at + name, "must be between " + plain(min) + " and " + plain(max) + ", got " + v.asText());
        }
        return d;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
