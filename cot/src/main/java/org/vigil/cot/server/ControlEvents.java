package org.vigil.cot.server;

import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.event.XmlNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * The connection-level events of a TAK streaming connection: ping and its answer, and the
 * three steps of the XML-to-protobuf negotiation (tak-protocol.md section 4).
 */
public final class ControlEvents {

    public static final String PING = "t-x-c-t";
    public static final String PONG = "t-x-c-t-r";
    public static final String ADVERTISE = "t-x-takp-v";
    public static final String REQUEST = "t-x-takp-q";
    public static final String RESPONSE = "t-x-takp-r";
    private static final String HOW = "h-g-i-g-o";

    private ControlEvents() {
    }

    /** The answer to a {@code t-x-c-t} ping. */
    public static CotEvent pong(Instant now) {
        return CotEvent.of("takPong", PONG, HOW, now, now.plus(Duration.ofSeconds(20)), CotPoint.NONE, Detail.EMPTY);
    }

    /** A {@code t-x-c-t} ping, as clients send it. */
    public static CotEvent ping(String uid, Instant now) {
        return CotEvent.of(uid, PING, HOW, now, now.plus(Duration.ofSeconds(20)), CotPoint.NONE, Detail.EMPTY);
    }

    /** The server's advertisement of protocol version 1, with its version for display. */
    public static CotEvent advertise(String protoUid, Instant now, String serverVersion) {
        XmlElement control = new XmlElement("TakControl", List.of(), List.<XmlNode>of(
                XmlElement.empty("TakProtocolSupport", List.of(new XmlAttribute("version", "1"))),
                XmlElement.empty("TakServerVersionInfo", List.of(new XmlAttribute("serverVersion", serverVersion)))));
        return CotEvent.of(protoUid, ADVERTISE, HOW, now, now.plus(Duration.ofMinutes(1)), CotPoint.NONE,
                new Detail(List.of(control)));
    }

    /** A client's request for {@code version}, reusing the advertisement's uid. */
    public static CotEvent request(String protoUid, int version, Instant now) {
        return control(protoUid, REQUEST, now, XmlElement.empty("TakRequest",
                List.of(new XmlAttribute("version", Integer.toString(version)))));
    }

    /** The server's answer to a request. */
    public static CotEvent response(String protoUid, boolean accepted, Instant now) {
        return control(protoUid, RESPONSE, now, XmlElement.empty("TakResponse",
                List.of(new XmlAttribute("status", Boolean.toString(accepted)))));
    }

    private static CotEvent control(String uid, String type, Instant now, XmlElement inner) {
        return CotEvent.of(uid, type, HOW, now, now.plus(Duration.ofMinutes(1)), CotPoint.NONE,
                new Detail(List.of(new XmlElement("TakControl", List.of(), List.<XmlNode>of(inner)))));
    }

    /** The version asked for in a request, if it names exactly one readable version. */
    public static OptionalInt requestedVersion(CotEvent request) {
        return firstChildAttribute(request, "TakRequest", "version");
    }

    /** The versions offered by an advertisement (the first one), if readable. */
    public static OptionalInt advertisedVersion(CotEvent advertisement) {
        return firstChildAttribute(advertisement, "TakProtocolSupport", "version");
    }

    /** True for a response with {@code status="true"}. */
    public static boolean responseAccepted(CotEvent response) {
        return response.detail().first("TakControl").stream()
                .flatMap(c -> c.children().stream())
                .filter(n -> n instanceof XmlElement e && e.name().equals("TakResponse"))
                .map(n -> ((XmlElement) n).attribute("status").orElse("false"))
                .anyMatch("true"::equalsIgnoreCase);
    }

    private static OptionalInt firstChildAttribute(CotEvent e, String child, String attribute) {
        return e.detail().first("TakControl").stream()
                .flatMap(c -> c.children().stream())
                .filter(n -> n instanceof XmlElement el && el.name().equals(child))
                .map(n -> ((XmlElement) n).attribute(attribute))
                .flatMap(java.util.Optional::stream)
                .mapToInt(v -> {
                    try {
                        return Integer.parseInt(v.trim());
                    } catch (NumberFormatException ex) {
                        return -1;
                    }
                })
                .filter(v -> v >= 0)
                .findFirst();
    }
}
