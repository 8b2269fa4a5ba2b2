package org.vigil.watch.cot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.event.XmlText;
import org.vigil.watch.Alert;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;

/**
 * How the live picture reads and writes Cursor-on-Target.
 *
 * <h2>Which inbound events are sensor detections</h2>
 * An event a client sends is taken as a detection, fused into tracks, when
 * <ol>
 *   <li>its uid does not start with {@value #OWN_UID_PREFIX} (our own tracks and alerts come
 *       back through the server's listener and must not feed themselves), and</li>
 *   <li>it is an atom ({@code a-...}) whose affiliation is <em>not</em> friendly
 *       ({@code a-f-...}) or assumed friend ({@code a-a-...}): hostile, suspect, unknown,
 *       pending, neutral, joker and faker ({@code a-h}, {@code a-s}, {@code a-u}, {@code a-p},
 *       {@code a-n}, {@code a-j}, {@code a-k}) are what a sensor or an observer reports seeing;
 *       or its type is in the tree of one of the configured extra prefixes.</li>
 * </ol>
 * TAK users' own position reports ({@code a-f-G-U-C} and the like), chat, markers of other
 * types, routes and control messages are relayed by the server as usual but never become
 * tracks: a friendly unit reporting itself is not a target.
 *
 * <p>Fields: the sensor is the {@code uid} of the detail's {@code <link relation="p-p">} (the
 * producer, as ATAK writes it on markers it creates), else the event uid up to its first dot
 * (sensor feeds commonly name detections {@code sensor.target}, e.g. {@code uav-3.target-1}),
 * else the whole uid; the kind from the
 * battle dimension (third type field: {@code G} ground, {@code A} air, {@code S}/{@code U}
 * sea, else unknown); the time is the event's {@code time}; the one-sigma position error is
 * the point's {@code ce} when given, else {@code defaultSigmaMetres}; the height is
 * {@code hae} when given.
 *
 * <h2>What goes out</h2>
 * <ul>
 *   <li>A confirmed track: {@code a-u-G} (ground), {@code a-u-A} (air) or {@code a-u-S} (sea)
 *       with uid {@code vigil-track-<id>}, how {@code m-f} (machine, fused), {@code ce} the
 *       track's one-sigma position error, {@code <track speed course>}, {@code <contact
 *       callsign="T<id>">}, and {@code <vigil track lastReportUid lastReportTime lastJournalId
 *       sensor heldMs>}: the report that last updated it, and how long the per-track rate limit
 *       held this state back ({@code heldMs}, absent when it went out at once). The ingest bench
 *       measures report-to-track latency from that echo, on states that went out at once. A deleted track is sent once more, stale at once, so clients
 *       drop it.</li>
 *   <li>An alert: type {@value #ALERT_TYPE} (CoT "alarm, geo-fence breached": each Vigil rule
 *       is a fence around a site, a line, a cell or a border segment), uid
 *       {@code vigil-alert-<id>}, placed at the alert's point, with {@code <contact
 *       callsign>} the rule and site, {@code <remarks>} the message, and {@code <vigilalert id
 *       rule key site track state>}; a closed alert is re-sent stale at once.</li>
 * </ul>
 */
public final class CotReports {

    /** Uids of the events Vigil itself publishes start with this. */
    public static final String OWN_UID_PREFIX = "vigil-";
    /** Uid prefix of published tracks. */
    public static final String TRACK_UID_PREFIX = "vigil-track-";
    /** Uid prefix of published alerts. */
    public static final String ALERT_UID_PREFIX = "vigil-alert-";
    /** CoT type of published alerts: alarm, geo-fence breached. */
    public static final String ALERT_TYPE = "b-a-g";
    /** Journal content type of CoT reports: the event as TAK protocol v1 protobuf. */
    public static final String CONTENT_TYPE = "application/x-tak-protobuf";

    private static final List<String> NOT_DETECTIONS = List.of("a-f", "a-a");

    private final List<String> extraDetectionPrefixes;
    private final double defaultSigmaMetres;

    /**
     * @param extraDetectionPrefixes further CoT type prefixes taken as detections (e.g. a
     *                               sensor vendor's {@code b-d-...} types)
     * @param defaultSigmaMetres     position error assumed when an event gives no {@code ce}, m
     */
    public CotReports(List<String> extraDetectionPrefixes, double defaultSigmaMetres) {
        this.extraDetectionPrefixes = List.copyOf(extraDetectionPrefixes);
        this.defaultSigmaMetres = defaultSigmaMetres;
    }

    /** The defaults: no extra prefixes, 50 m when {@code ce} is unknown. */
    public static CotReports defaults() {
        return new CotReports(List.of(), 50);
    }

    /** True when the event is a sensor detection by the rules above. */
    public boolean isDetection(CotEvent e) {
        if (e.uid().startsWith(OWN_UID_PREFIX) || e.isControl()) {
            return false;
        }
        for (String p : extraDetectionPrefixes) {
            if (e.isA(p)) {
                return true;
            }
        }
        if (!e.type().startsWith("a-") || e.type().length() < 3) {
            return false;
        }
        for (String p : NOT_DETECTIONS) {
            if (e.isA(p)) {
                return false;
            }
        }
        return true;
    }

    /** The report a detection event carries, or empty when the event is not a detection. */
    public Optional<Report> detection(CotEvent e) {
        if (!isDetection(e)) {
            return Optional.empty();
        }
        CotPoint p = e.point();
        double sigma = p.ceMetres() >= CotPoint.UNKNOWN || p.ceMetres() <= 0 ? defaultSigmaMetres : p.ceMetres();
        double height = p.haeMetres() >= CotPoint.UNKNOWN ? Double.NaN : p.haeMetres();
        return Optional.of(new Report(sensor(e), e.time(), p.latDeg(), p.lonDeg(), height, sigma, kind(e.type()), e.uid()));
    }

    private static String sensor(CotEvent e) {
        for (XmlElement el : e.detail().elements()) {
            if (el.name().equals("link") && el.attribute("relation").orElse("").equals("p-p")) {
                Optional<String> uid = el.attribute("uid").filter(u -> !u.isBlank());
                if (uid.isPresent()) {
                    return uid.get().length() > 128 ? uid.get().substring(0, 128) : uid.get();
                }
            }
        }
        String uid = e.uid();
        int dot = uid.indexOf('.');
        String s = dot > 0 ? uid.substring(0, dot) : uid;
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    /** The report kind of a CoT type from its battle dimension. */
    public static String kind(String type) {
        // the third dash-separated field, read in place (every detection asks)
        int first = type.indexOf('-');
        int second = first < 0 ? -1 : type.indexOf('-', first + 1);
        if (second < 0) {
            return "unknown";
        }
        int end = type.indexOf('-', second + 1);
        if ((end < 0 ? type.length() : end) != second + 2) {
            return "unknown";
        }
        return switch (type.charAt(second + 1)) {
            case 'G' -> "ground";
            case 'A' -> "air";
            case 'S', 'U' -> "sea";
            default -> "unknown";
        };
    }

    /** The CoT type of a published track of this kind. */
    public static String trackType(String kind) {
        return switch (kind) {
            case "air" -> "a-u-A";
            case "sea" -> "a-u-S";
            default -> "a-u-G";
        };
    }

    /**
     * A track as a CoT event.
     *
     * @param provenance the report that last updated it, or null
     * @param heldMs     how long the rate limit held this state back before it went out, ms (0: at once)
     * @param stale      how long clients keep it without an update
     */
    public static CotEvent trackEvent(TrackView t, Provenance provenance, long heldMs, Instant now, Duration stale) {
        List<XmlElement> d = new ArrayList<>();
        d.add(XmlElement.empty("track", List.of(new XmlAttribute("speed", fmt(t.speedMps())),
                new XmlAttribute("course", fmt(t.courseDeg())))));
        d.add(XmlElement.empty("contact", List.of(new XmlAttribute("callsign", t.id()))));
        List<XmlAttribute> v = new ArrayList<>();
        v.add(new XmlAttribute("track", t.id()));
        if (provenance != null) {
            if (provenance.uid() != null) {
                v.add(new XmlAttribute("lastReportUid", provenance.uid()));
            }
            v.add(new XmlAttribute("lastReportTime", provenance.time().toString()));
            v.add(new XmlAttribute("lastJournalId", Long.toString(provenance.journalId())));
            v.add(new XmlAttribute("sensor", provenance.sensor()));
        }
        if (heldMs > 0) {
            v.add(new XmlAttribute("heldMs", Long.toString(heldMs)));
        }
        d.add(XmlElement.empty("vigil", v));
        Instant time = now;
        return CotEvent.of(TRACK_UID_PREFIX + t.id(), trackType(t.kind()), "m-f", time, time.plus(stale),
                new CotPoint(t.latDeg(), t.lonDeg(), CotPoint.UNKNOWN, Math.max(0.1, t.sigmaM()), CotPoint.UNKNOWN),
                new Detail(d));
    }

    /** A deleted track: its last state, stale at once, so that clients drop it. */
    public static CotEvent trackGone(TrackView last, Instant now) {
        return CotEvent.of(TRACK_UID_PREFIX + last.id(), trackType(last.kind()), "m-f", now, now,
                new CotPoint(last.latDeg(), last.lonDeg(), CotPoint.UNKNOWN, Math.max(0.1, last.sigmaM()), CotPoint.UNKNOWN),
                Detail.EMPTY);
    }

    /**
     * An alert as a CoT event at {@code (latDeg, lonDeg)}; open alerts stay for {@code stale},
     * closed ones are stale at once.
     */
    public static CotEvent alertEvent(Alert a, String key, double latDeg, double lonDeg, Instant now, Duration stale) {
        String callsign = a.rule() + (a.siteId() == null ? "" : " " + a.siteId());
        List<XmlAttribute> va = new ArrayList<>();
        va.add(new XmlAttribute("id", Long.toString(a.id())));
        va.add(new XmlAttribute("rule", a.rule()));
        va.add(new XmlAttribute("key", key));
        if (a.siteId() != null) {
            va.add(new XmlAttribute("site", a.siteId()));
        }
        if (a.trackId() != null) {
            va.add(new XmlAttribute("track", a.trackId()));
        }
        va.add(new XmlAttribute("state", a.open() ? (a.acknowledged() ? "acknowledged" : "open") : "closed"));
        List<XmlElement> d = List.of(
                XmlElement.empty("contact", List.of(new XmlAttribute("callsign", callsign))),
                new XmlElement("remarks", List.of(), List.of(new XmlText(a.message() == null ? a.rule() : a.message()))),
                XmlElement.empty("vigilalert", va));
        Instant staleAt = a.open() ? now.plus(stale) : now;
        return CotEvent.of(ALERT_UID_PREFIX + a.id(), ALERT_TYPE, "m-g", now, staleAt,
                new CotPoint(latDeg, lonDeg, CotPoint.UNKNOWN, CotPoint.UNKNOWN, CotPoint.UNKNOWN), new Detail(d));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The report that last updated a track: its journal id, sender's uid, observation time and sensor. */
    public record Provenance(long journalId, String uid, Instant time, String sensor) {
    }
}
