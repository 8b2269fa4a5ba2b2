package org.vigil.cot.codec;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.proto.v1.Contact;
import org.vigil.cot.proto.v1.Group;
import org.vigil.cot.proto.v1.PrecisionLocation;
import org.vigil.cot.proto.v1.Status;
import org.vigil.cot.proto.v1.TakMessage;
import org.vigil.cot.proto.v1.Takv;
import org.vigil.cot.proto.v1.Track;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between {@link CotEvent} and the TAK protocol v1 {@code TakMessage}
 * (tak-protocol.md section 6). Sender rule: each of {@code contact}, {@code __group},
 * {@code precisionlocation}, {@code status}, {@code takv}, {@code track} goes into its
 * typed field only if it occurs once, has no children, carries only the attributes the
 * typed message has and all its required ones; otherwise the whole element stays in
 * {@code xmlDetail} with every other child. Receiver rule: {@code xmlDetail} first, then
 * each typed field unless an element of the same name came in {@code xmlDetail}.
 *
 * <p>Not thread-safe (it holds an XML decoder for {@code xmlDetail}).
 */
public final class TakProtoCodec {

    private static final Map<String, Set<String>> TYPED_ATTRIBUTES = Map.of(
            "contact", Set.of("callsign", "endpoint"),
            "__group", Set.of("name", "role"),
            "precisionlocation", Set.of("geopointsrc", "altsrc"),
            "status", Set.of("battery"),
            "takv", Set.of("device", "platform", "os", "version"),
            "track", Set.of("speed", "course"));
    private static final Map<String, Set<String>> REQUIRED_ATTRIBUTES = Map.of(
            "contact", Set.of("callsign"),
            "__group", Set.of("name", "role"),
            "precisionlocation", Set.of("geopointsrc", "altsrc"),
            "status", Set.of("battery"),
            "takv", Set.of("device", "platform", "os", "version"),
            "track", Set.of("speed", "course"));

    private CotXmlDecoder xmlDecoder;
    /** The rejection reason for a message with only {@code takControl} (legal on the mesh). */
    public static final String NO_EVENT = "TakMessage carries no cotEvent";

    private final CotXmlEncoder xmlEncoder = new CotXmlEncoder();
    private final int maxMessageBytes;

    public TakProtoCodec() {
        this(CotXmlDecoder.DEFAULT_MAX_EVENT_BYTES);
    }

    /** @param maxMessageBytes the largest payload (and xmlDetail) accepted, in bytes */
    public TakProtoCodec(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The serialized {@code TakMessage} carrying {@code event}. */
    public byte[] encode(CotEvent event) {
        return toMessage(event).toByteArray();
    }

    /** Decodes a serialized {@code TakMessage} that must carry a {@code cotEvent}. */
    public DecodeResult<CotEvent> decode(byte[] payload) {
        if (payload.length > maxMessageBytes) {
            return DecodeResult.rejected("message of " + payload.length + " bytes exceeds the limit of " + maxMessageBytes);
        }
        DecodeResult<CotEvent> quick = decodePlain(payload);
        return quick != null ? quick : decodeGeneral(payload);
    }

    /** {@link #decode} through protobuf-java's generated parser, for every message (package-private for the tests). */
    DecodeResult<CotEvent> decodeGeneral(byte[] payload) {
        TakMessage m;
        try {
            m = TakMessage.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return DecodeResult.rejected("malformed protobuf: " + CotXmlDecoder.oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            return DecodeResult.rejected("malformed protobuf: " + CotXmlDecoder.oneLine(String.valueOf(e)));
        }
        return fromMessage(m);
    }

    /** The {@code TakMessage} carrying {@code event}, with the typed-detail sender rule applied. */
    public TakMessage toMessage(CotEvent e) {
        org.vigil.cot.proto.v1.CotEvent.Builder b = org.vigil.cot.proto.v1.CotEvent.newBuilder()
                .setType(e.type())
                .setAccess(e.access())
                .setQos(e.qos())
                .setOpex(e.opex())
                .setUid(e.uid())
                .setSendTime(e.time().toEpochMilli())
                .setStartTime(e.start().toEpochMilli())
                .setStaleTime(e.stale().toEpochMilli())
                .setHow(e.how())
                .setLat(e.point().latDeg())
                .setLon(e.point().lonDeg())
                .setHae(e.point().haeMetres())
                .setCe(e.point().ceMetres())
                .setLe(e.point().leMetres());
        if (!e.detail().isEmpty()) {
            b.setDetail(toDetail(e.detail()));
        }
        return TakMessage.newBuilder().setCotEvent(b).build();
    }

    private org.vigil.cot.proto.v1.Detail toDetail(Detail detail) {
        org.vigil.cot.proto.v1.Detail.Builder d = org.vigil.cot.proto.v1.Detail.newBuilder();
        List<XmlElement> rest = new ArrayList<>();
        for (XmlElement el : detail.elements()) {
            if (!typable(el, detail) || !setTyped(d, el)) {
                rest.add(el);
            }
        }
        if (!rest.isEmpty()) {
            d.setXmlDetail(xmlEncoder.encodeElements(rest));
        }
        return d.build();
    }

    private static boolean typable(XmlElement el, Detail detail) {
        Set<String> allowed = TYPED_ATTRIBUTES.get(el.name());
        if (allowed == null || !el.children().isEmpty() || detail.count(el.name()) != 1) {
            return false;
        }
        for (XmlAttribute a : el.attributes()) {
            if (!allowed.contains(a.name())) {
                return false;
            }
        }
        for (String required : REQUIRED_ATTRIBUTES.get(el.name())) {
            if (el.attribute(required).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A number that comes back as the same text ({@link CotXmlEncoder#number}): "87" would come
     * back "87.0", so such an element stays XML, as it was written, rather than being changed.
     */
    private static double exactNumber(String text) {
        double v = finite(text);
        if (!CotXmlEncoder.number(v).equals(text)) {
            throw new NumberFormatException("not in canonical form: " + text);
        }
        return v;
    }

    /** An unsigned integer that comes back as the same text (no sign, spaces or leading zeros). */
    private static int exactUnsigned(String text) {
        int v = Integer.parseUnsignedInt(text);
        if (!Integer.toUnsignedString(v).equals(text)) {
            throw new NumberFormatException("not in canonical form: " + text);
        }
        return v;
    }

    /** Sets the typed field for {@code el}; false when a value does not fit its type (then it stays XML). */
    private static boolean setTyped(org.vigil.cot.proto.v1.Detail.Builder d, XmlElement el) {
        try {
            switch (el.name()) {
                case "contact" -> d.setContact(Contact.newBuilder()
                        .setCallsign(el.attribute("callsign").orElseThrow())
                        .setEndpoint(el.attribute("endpoint").orElse("")));
                case "__group" -> d.setGroup(Group.newBuilder()
                        .setName(el.attribute("name").orElseThrow())
                        .setRole(el.attribute("role").orElseThrow()));
                case "precisionlocation" -> d.setPrecisionLocation(PrecisionLocation.newBuilder()
                        .setGeopointsrc(el.attribute("geopointsrc").orElseThrow())
                        .setAltsrc(el.attribute("altsrc").orElseThrow()));
                case "status" -> d.setStatus(Status.newBuilder()
                        .setBattery(exactUnsigned(el.attribute("battery").orElseThrow())));
                case "takv" -> d.setTakv(Takv.newBuilder()
                        .setDevice(el.attribute("device").orElseThrow())
                        .setPlatform(el.attribute("platform").orElseThrow())
                        .setOs(el.attribute("os").orElseThrow())
                        .setVersion(el.attribute("version").orElseThrow()));
                case "track" -> d.setTrack(Track.newBuilder()
                        .setSpeed(exactNumber(el.attribute("speed").orElseThrow()))
                        .setCourse(exactNumber(el.attribute("course").orElseThrow())));
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double finite(String text) {
        double v = Double.parseDouble(text.trim());
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("not finite: " + text);
        }
        return v;
    }

    /** The event in {@code m}, with the typed-detail receiver rule applied. */
    public DecodeResult<CotEvent> fromMessage(TakMessage m) {
        if (!m.hasCotEvent()) {
            return DecodeResult.rejected(NO_EVENT);
        }
        org.vigil.cot.proto.v1.CotEvent c = m.getCotEvent();
        String lacking = c.getType().isEmpty() ? "type" : c.getUid().isEmpty() ? "uid" : c.getHow().isEmpty() ? "how" : null;
        if (lacking != null) {
            return DecodeResult.rejected("cotEvent lacks " + lacking);
        }
        Detail detail = Detail.EMPTY;
        if (c.hasDetail()) {
            DecodeResult<Detail> d = fromDetail(c.getDetail());
            if (d instanceof DecodeResult.Rejected<Detail> r) {
                return DecodeResult.rejected(r.reason());
            }
            detail = ((DecodeResult.Decoded<Detail>) d).value();
        }
        return event(c.getUid(), c.getType(), c.getHow(), c.getSendTime(), c.getStartTime(), c.getStaleTime(),
                c.getAccess(), c.getQos(), c.getOpex(), c.getLat(), c.getLon(), c.getHae(), c.getCe(), c.getLe(), detail);
    }

    /** The event from a {@code cotEvent}'s fields (type, uid and how already known to be present). */
    private static DecodeResult<CotEvent> event(String uid, String type, String how, long sendMs, long startMs, long staleMs,
                                                String access, String qos, String opex, double lat, double lon,
                                                double hae, double ce, double le, Detail detail) {
        if (sendMs < 0 || startMs < 0 || staleMs < 0) {
            return DecodeResult.rejected("cotEvent time beyond the year 292 million");
        }
        if (staleMs < startMs) {
            return DecodeResult.rejected("staleTime " + staleMs + " is before startTime " + startMs);
        }
        try {
            CotPoint point = new CotPoint(lat, lon, hae, ce, le);
            return DecodeResult.decoded(new CotEvent(uid, type, how, Instant.ofEpochMilli(sendMs),
                    Instant.ofEpochMilli(startMs), Instant.ofEpochMilli(staleMs), access, qos, opex, point, detail));
        } catch (RuntimeException e) {
            return DecodeResult.rejected("invalid cotEvent: " + CotXmlDecoder.oneLine(e.getMessage()));
        }
    }

    // Wire tags (field number << 3 | wire type) read by decodePlain.
    private static final int LENGTH = WireFormat.WIRETYPE_LENGTH_DELIMITED, VARINT = WireFormat.WIRETYPE_VARINT,
            FIXED64 = WireFormat.WIRETYPE_FIXED64;

    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }

    /**
     * Reads the common message - a {@code cotEvent} whose detail holds at most a {@code group}, as a
     * sensor feed sends - straight off the wire, without protobuf-java's builders (every detection
     * passes here, and the builders were most of the I/O threads' garbage). Anything else (xmlDetail,
     * other typed details, a message field given twice, which protobuf merges, a takControl, whose
     * contents the generated parser checks) returns null, and the
     * caller takes the general path; so does a malformed message, whose rejection reason that path
     * words. Same result as {@code fromMessage(TakMessage.parseFrom(payload))}, which the tests check.
     */
    static DecodeResult<CotEvent> decodePlain(byte[] payload) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(payload);
            int eventAt = -1, eventLength = 0;
            for (int t = in.readTag(); t != 0; t = in.readTag()) {
                if (t == tag(2, LENGTH)) {
                    if (eventAt >= 0) {
                        return null;
                    }
                    eventLength = in.readRawVarint32();
                    eventAt = in.getTotalBytesRead();
                    in.skipRawBytes(eventLength);
                } else if (t >>> 3 == 1 || !in.skipField(t)) {
                    return null;
                }
            }
            if (eventAt < 0) {
                return DecodeResult.rejected(NO_EVENT);
            }
            return plainEvent(CodedInputStream.newInstance(payload, eventAt, eventLength));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static DecodeResult<CotEvent> plainEvent(CodedInputStream in) throws IOException {
        String type = "", access = "", qos = "", opex = "", uid = "", how = "";
        long send = 0, start = 0, stale = 0;
        double lat = 0, lon = 0, hae = 0, ce = 0, le = 0;
        Detail detail = Detail.EMPTY;
        boolean detailSeen = false;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            switch (t) {
                case 1 << 3 | LENGTH -> type = in.readStringRequireUtf8();
                case 2 << 3 | LENGTH -> access = in.readStringRequireUtf8();
                case 3 << 3 | LENGTH -> qos = in.readStringRequireUtf8();
                case 4 << 3 | LENGTH -> opex = in.readStringRequireUtf8();
                case 5 << 3 | LENGTH -> uid = in.readStringRequireUtf8();
                case 6 << 3 | VARINT -> send = in.readUInt64();
                case 7 << 3 | VARINT -> start = in.readUInt64();
                case 8 << 3 | VARINT -> stale = in.readUInt64();
                case 9 << 3 | LENGTH -> how = in.readStringRequireUtf8();
                case 10 << 3 | FIXED64 -> lat = in.readDouble();
                case 11 << 3 | FIXED64 -> lon = in.readDouble();
                case 12 << 3 | FIXED64 -> hae = in.readDouble();
                case 13 << 3 | FIXED64 -> ce = in.readDouble();
                case 14 << 3 | FIXED64 -> le = in.readDouble();
                case 15 << 3 | LENGTH -> {
                    if (detailSeen) {
                        return null;
                    }
                    detailSeen = true;
                    int limit = in.pushLimit(in.readRawVarint32());
                    detail = plainDetail(in);
                    if (detail == null) {
                        return null;
                    }
                    in.popLimit(limit);
                }
                default -> {
                    if (!in.skipField(t)) {
                        return null;
                    }
                }
            }
        }
        String lacking = type.isEmpty() ? "type" : uid.isEmpty() ? "uid" : how.isEmpty() ? "how" : null;
        if (lacking != null) {
            return DecodeResult.rejected("cotEvent lacks " + lacking);
        }
        return event(uid, type, how, send, start, stale, access, qos, opex, lat, lon, hae, ce, le, detail);
    }

    /** A detail holding at most one {@code group} (as its {@code __group} element); null for anything else. */
    private static Detail plainDetail(CodedInputStream in) throws IOException {
        String name = null, role = null;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (t != tag(3, LENGTH) || name != null) {
                return null;
            }
            name = "";
            role = "";
            int limit = in.pushLimit(in.readRawVarint32());
            for (int g = in.readTag(); g != 0; g = in.readTag()) {
                switch (g) {
                    case 1 << 3 | LENGTH -> name = in.readStringRequireUtf8();
                    case 2 << 3 | LENGTH -> role = in.readStringRequireUtf8();
                    default -> {
                        if (!in.skipField(g)) {
                            return null;
                        }
                    }
                }
            }
            in.popLimit(limit);
        }
        if (name == null) {
            return Detail.EMPTY;
        }
        return new Detail(List.of(XmlElement.empty("__group",
                List.of(new XmlAttribute("name", name), new XmlAttribute("role", role)))));
    }

    private DecodeResult<Detail> fromDetail(org.vigil.cot.proto.v1.Detail d) {
        Detail detail = Detail.EMPTY;
        if (!d.getXmlDetail().isEmpty()) {
            if (xmlDecoder == null) {
                xmlDecoder = new CotXmlDecoder(maxMessageBytes);
            }
            DecodeResult<Detail> parsed = xmlDecoder.decodeDetailFragment(d.getXmlDetail());
            if (parsed instanceof DecodeResult.Rejected<Detail> r) {
                return r;
            }
            detail = ((DecodeResult.Decoded<Detail>) parsed).value();
        }
        if (d.hasContact() && detail.first("contact").isEmpty()) {
            List<XmlAttribute> a = new ArrayList<>();
            a.add(new XmlAttribute("callsign", d.getContact().getCallsign()));
            if (!d.getContact().getEndpoint().isEmpty()) {
                a.add(new XmlAttribute("endpoint", d.getContact().getEndpoint()));
            }
            detail = detail.with(XmlElement.empty("contact", a));
        }
        if (d.hasGroup() && detail.first("__group").isEmpty()) {
            detail = detail.with(XmlElement.empty("__group", List.of(
                    new XmlAttribute("name", d.getGroup().getName()),
                    new XmlAttribute("role", d.getGroup().getRole()))));
        }
        if (d.hasPrecisionLocation() && detail.first("precisionlocation").isEmpty()) {
            detail = detail.with(XmlElement.empty("precisionlocation", List.of(
                    new XmlAttribute("geopointsrc", d.getPrecisionLocation().getGeopointsrc()),
                    new XmlAttribute("altsrc", d.getPrecisionLocation().getAltsrc()))));
        }
        if (d.hasStatus() && detail.first("status").isEmpty()) {
            detail = detail.with(XmlElement.empty("status", List.of(
                    new XmlAttribute("battery", Integer.toUnsignedString(d.getStatus().getBattery())))));
        }
        if (d.hasTakv() && detail.first("takv").isEmpty()) {
            Takv t = d.getTakv();
            detail = detail.with(XmlElement.empty("takv", List.of(
                    new XmlAttribute("device", t.getDevice()), new XmlAttribute("platform", t.getPlatform()),
                    new XmlAttribute("os", t.getOs()), new XmlAttribute("version", t.getVersion()))));
        }
        if (d.hasTrack() && detail.first("track").isEmpty()) {
            detail = detail.with(XmlElement.empty("track", List.of(
                    new XmlAttribute("course", CotXmlEncoder.number(d.getTrack().getCourse())),
                    new XmlAttribute("speed", CotXmlEncoder.number(d.getTrack().getSpeed())))));
        }
        return DecodeResult.decoded(detail);
    }
}
