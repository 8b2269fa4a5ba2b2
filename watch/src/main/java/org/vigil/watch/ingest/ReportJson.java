package org.vigil.watch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.watch.Report;

/**
 * The JSON form of a report, shared by the HTTP API and the journal (HTTP and simulator
 * reports are journaled in this normalised form, so a replay reads back the same
 * {@link Report}):
 * <pre>{"sensor": "drone-7", "time": "2026-03-01T10:00:00Z", "lat": 47.51, "lon": 34.58,
 *  "sigmaM": 25, "kind": "ground", "heightM": 120.0, "uid": "det-1"}</pre>
 * {@code sensor}, {@code time} (ISO-8601 UTC), {@code lat}, {@code lon} and {@code sigmaM} are
 * required; {@code kind} defaults to {@code unknown}; {@code heightM} and {@code uid} are
 * optional. Unknown fields are refused (a misspelt {@code sigma} must not silently become a
 * default). Parsing names the report and field that is wrong ({@link InvalidReportException}).
 */
public final class ReportJson {

    /** Media type of the journaled body. */
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("sensor", "time", "lat", "lon", "heightM", "sigmaM", "kind", "uid");

    private ReportJson() {
    }

    /** The journal body of one report. */
    public static byte[] encode(Report r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sensor", r.sensor());
        n.put("time", r.time().toString());
        n.put("lat", r.latDeg());
        n.put("lon", r.lonDeg());
        if (!Double.isNaN(r.heightM())) {
            n.put("heightM", r.heightM());
        }
        n.put("sigmaM", r.sigmaM());
        n.put("kind", r.kind());
        if (r.uid() != null) {
            n.put("uid", r.uid());
        }
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One report from a journal body or a JSON object. */
    public static Report decode(byte[] body) {
        return parse(body).getFirst();
    }

    /**
     * One report (a JSON object) or several (an array) from a request body. Throws
     * {@link InvalidReportException} naming the first bad report and field; the caller
     * journals nothing then.
     */
    public static List<Report> parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidReportException(0, "body", "not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidReportException(0, "body", "empty");
        }
        List<Report> out = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new InvalidReportException(0, "body", "an empty array holds no report");
            }
            for (int i = 0; i < root.size(); i++) {
                out.add(fromNode(root.get(i), i));
            }
        } else {
            out.add(fromNode(root, 0));
        }
        return out;
    }

    /** One report from a JSON object; {@code index} names it in errors. */
    public static Report fromNode(JsonNode n, int index) {
        if (n == null || !n.isObject()) {
            throw new InvalidReportException(index, "report", "must be a JSON object");
        }
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InvalidReportException(index, f, "unknown field (expected sensor, time, lat, lon, sigmaM, kind, heightM, uid)");
            }
        }
        String sensor = text(n, index, "sensor", true);
        String timeText = text(n, index, "time", true);
        Instant time;
        try {
            time = Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new InvalidReportException(index, "time", "'" + timeText + "' is not an ISO-8601 UTC instant such as 2026-03-01T10:00:00Z");
        }
        double lat = number(n, index, "lat", true);
        double lon = number(n, index, "lon", true);
        double height = number(n, index, "heightM", false);
        double sigma = number(n, index, "sigmaM", true);
        String kind = text(n, index, "kind", false);
        String uid = text(n, index, "uid", false);
        return new Report(sensor, time, lat, lon, height, sigma, kind == null ? "unknown" : kind, uid);
    }

    private static String text(JsonNode n, int index, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidReportException(index, field, "missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidReportException(index, field, "must be a string");
        }
        return v.asText();
    }

    private static double number(JsonNode n, int index, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidReportException(index, field, "missing");
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new InvalidReportException(index, field, "must be a number");
        }
        return v.asDouble();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
