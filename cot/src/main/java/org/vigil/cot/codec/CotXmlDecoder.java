package org.vigil.cot.codec;

import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.event.XmlNode;
import org.vigil.cot.event.XmlText;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one CoT XML {@code <event>} from untrusted UTF-8 bytes, hardened: no DTD (a
 * {@code <!DOCTYPE} is refused before parsing), no external or custom entities, a maximum
 * event size, a maximum element depth and count. Every refusal is a
 * {@link DecodeResult.Rejected} with a one-line reason; nothing is thrown.
 *
 * <p>Required: {@code event/@uid, @type, @how, @time, @start, @stale} and
 * {@code point/@lat, @lon, @hae, @ce, @le} (the fields the TAK protocol v1 cannot do
 * without). Child order inside {@code <event>} is free; unknown children of
 * {@code <event>} are skipped; {@code <detail>} children are kept as-is (comments and
 * processing instructions dropped, whitespace-only text dropped).
 *
 * <p>Not thread-safe: use one instance per connection or thread.
 */
public final class CotXmlDecoder {

    /** Default upper bound on one event's size in bytes. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_ELEMENTS = 10_000;
    private static final byte[] DOCTYPE = "<!doctype".getBytes(StandardCharsets.US_ASCII);

    private final int maxEventBytes;
    private final XMLInputFactory factory;

    public CotXmlDecoder() {
        this(DEFAULT_MAX_EVENT_BYTES);
    }

    /** @param maxEventBytes the largest event accepted, in bytes */
    public CotXmlDecoder(int maxEventBytes) {
        if (maxEventBytes < 64) {
            throw new IllegalArgumentException("maxEventBytes must be at least 64: " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
        this.factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setXMLReporter((message, errorType, info, location) -> {
            // problems surface as XMLStreamExceptions and become rejection reasons; nothing goes to stderr
        });
        factory.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
    }

    public int maxEventBytes() {
        return maxEventBytes;
    }

    /** Decodes one event, with or without an XML declaration. */
    public DecodeResult<CotEvent> decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes one event from {@code bytes[offset, offset + length)}. */
    public DecodeResult<CotEvent> decode(byte[] bytes, int offset, int length) {
        if (length > maxEventBytes) {
            return DecodeResult.rejected("event of " + length + " bytes exceeds the limit of " + maxEventBytes);
        }
        if (containsDoctype(bytes, offset, length)) {
            return DecodeResult.rejected("DTD (<!DOCTYPE>) not allowed");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return DecodeResult.rejected("not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(text));
            return readDocument(r);
        } catch (XMLStreamException e) {
            return DecodeResult.rejected("malformed XML: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            return DecodeResult.rejected("invalid event: " + oneLine(e.getMessage()));
        } finally {
            close(r);
        }
    }

    /**
     * Parses the children of a {@code <detail>} from an XML fragment without a wrapper (the
     * protobuf {@code xmlDetail} string), under the same rules and limits.
     */
    public DecodeResult<Detail> decodeDetailFragment(String xml) {
        if (xml.length() > maxEventBytes) {
            return DecodeResult.rejected("xmlDetail of " + xml.length() + " chars exceeds the limit of " + maxEventBytes);
        }
        if (xml.toLowerCase(java.util.Locale.ROOT).contains("<!doctype")) {
            return DecodeResult.rejected("DTD (<!DOCTYPE>) not allowed");
        }
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader("<detail>" + xml + "</detail>"));
            nextStart(r);
            Detail d = readDetail(r, new int[] {0});
            while (r.hasNext()) {
                r.next();
            }
            return DecodeResult.decoded(d);
        } catch (XMLStreamException e) {
            return DecodeResult.rejected("malformed xmlDetail: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            return DecodeResult.rejected("invalid xmlDetail: " + oneLine(e.getMessage()));
        } finally {
            close(r);
        }
    }

    private DecodeResult<CotEvent> readDocument(XMLStreamReader r) throws XMLStreamException {
        nextStart(r);
        if (!r.getLocalName().equals("event")) {
            return DecodeResult.rejected("root element is <" + r.getLocalName() + ">, not <event>");
        }
        Map<String, String> ev = attributes(r);
        Map<String, String> point = null;
        Detail detail = Detail.EMPTY;
        int[] elements = {0};
        while (true) {
            int t = r.next();
            if (t == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (t == XMLStreamConstants.DTD) {
                return DecodeResult.rejected("DTD not allowed");
            }
            if (t != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "point" -> {
                    if (point != null) {
                        return DecodeResult.rejected("more than one <point>");
                    }
                    point = attributes(r);
                    skipElement(r);
                }
                case "detail" -> {
                    if (!detail.isEmpty()) {
                        return DecodeResult.rejected("more than one <detail>");
                    }
                    detail = readDetail(r, elements);
                }
                default -> skipElement(r);
            }
        }
        while (r.hasNext()) {
            int t = r.next();
            if (t == XMLStreamConstants.START_ELEMENT) {
                return DecodeResult.rejected("content after </event>");
            }
        }
        if (point == null) {
            return DecodeResult.rejected("missing <point>");
        }
        return build(ev, point, detail);
    }

    private static DecodeResult<CotEvent> build(Map<String, String> ev, Map<String, String> pt, Detail detail) {
        for (String a : List.of("uid", "type", "how", "time", "start", "stale")) {
            String v = ev.get(a);
            if (v == null || v.isBlank()) {
                return DecodeResult.rejected("missing event/@" + a);
            }
        }
        for (String a : List.of("lat", "lon", "hae", "ce", "le")) {
            if (pt.get(a) == null || pt.get(a).isBlank()) {
                return DecodeResult.rejected("missing point/@" + a);
            }
        }
        Instant time;
        Instant start;
        Instant stale;
        try {
            time = CotTime.parse(ev.get("time"));
            start = CotTime.parse(ev.get("start"));
            stale = CotTime.parse(ev.get("stale"));
        } catch (DateTimeParseException e) {
            return DecodeResult.rejected("bad time: '" + clip(e.getParsedString()) + "' is not ISO 8601 UTC");
        }
        if (stale.isBefore(start)) {
            return DecodeResult.rejected("stale " + CotTime.format(stale) + " is before start " + CotTime.format(start));
        }
        CotPoint point;
        try {
            point = new CotPoint(number(pt, "lat"), number(pt, "lon"), number(pt, "hae"),
                    number(pt, "ce"), number(pt, "le"));
        } catch (IllegalArgumentException e) {
            return DecodeResult.rejected("bad point: " + oneLine(e.getMessage()));
        }
        return DecodeResult.decoded(new CotEvent(ev.get("uid"), ev.get("type"), ev.get("how"), time, start, stale,
                ev.get("access"), ev.get("qos"), ev.get("opex"), point, detail));
    }

    private static double number(Map<String, String> attrs, String name) {
        String text = attrs.get(name).trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("point/@" + name + " '" + clip(text) + "' is not a number");
        }
    }

    /** Reads the children of the current {@code <detail>} start tag up to its end tag. */
    private static Detail readDetail(XMLStreamReader r, int[] elements) throws XMLStreamException {
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int t = r.next();
            if (t == XMLStreamConstants.END_ELEMENT) {
                return new Detail(children);
            }
            if (t == XMLStreamConstants.START_ELEMENT) {
                children.add(readElement(r, 2, elements));
            }
        }
    }

    private static XmlElement readElement(XMLStreamReader r, int depth, int[] elements) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("elements nested deeper than " + MAX_DEPTH);
        }
        if (++elements[0] > MAX_ELEMENTS) {
            throw new IllegalArgumentException("more than " + MAX_ELEMENTS + " detail elements");
        }
        String name = r.getLocalName();
        List<XmlAttribute> attrs = new ArrayList<>(r.getAttributeCount());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.add(new XmlAttribute(qualifiedAttributeName(r, i), r.getAttributeValue(i)));
        }
        List<XmlNode> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int t = r.next();
            switch (t) {
                case XMLStreamConstants.START_ELEMENT -> {
                    flushText(text, children);
                    children.add(readElement(r, depth + 1, elements));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    flushText(text, children);
                    return new XmlElement(name, attrs, children);
                }
                default -> {
                    // comments and processing instructions are dropped
                }
            }
        }
    }

    private static String qualifiedAttributeName(XMLStreamReader r, int i) {
        String prefix = r.getAttributePrefix(i);
        String local = r.getAttributeLocalName(i);
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static void flushText(StringBuilder text, List<XmlNode> children) {
        if (!text.isEmpty() && !text.toString().isBlank()) {
            children.add(new XmlText(text.toString()));
        }
        text.setLength(0);
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            m.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return m;
    }

    private static void nextStart(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int t = r.next();
            if (t == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DTD not allowed");
            }
            if (t == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new XMLStreamException("no element found");
    }

    private static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int t = r.next();
            if (t == XMLStreamConstants.START_ELEMENT) {
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("elements nested deeper than " + MAX_DEPTH);
                }
            } else if (t == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean containsDoctype(byte[] b, int offset, int length) {
        int end = offset + length - DOCTYPE.length;
        outer:
        for (int i = offset; i <= end; i++) {
            for (int j = 0; j < DOCTYPE.length; j++) {
                int c = b[i + j];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != DOCTYPE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException | RuntimeException ignored) {
                // nothing to release beyond the in-memory input
            }
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String s = message.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static String clip(String s) {
        return s == null ? "" : oneLine(s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }
}
