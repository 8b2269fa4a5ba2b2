package org.vigil.cot.codec;

import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.event.XmlNode;
import org.vigil.cot.event.XmlText;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CoT XML the way TAK clients expect: an XML declaration, then
 * {@code <event version="2.0" ...><point .../><detail>...</detail></event>} with no
 * whitespace between elements and nothing after {@code </event>}. Times are written with
 * milliseconds; empty access/qos/opex are omitted. Characters that XML 1.0 cannot carry
 * (possible in strings that came from protobuf) are replaced by U+FFFD. Stateless and
 * thread-safe.
 */
public final class CotXmlEncoder {

    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    /** The event as UTF-8 bytes, with the declaration. */
    public byte[] encode(CotEvent e) {
        return encodeToString(e).getBytes(StandardCharsets.UTF_8);
    }

    /** The event as a string, with the declaration. */
    public String encodeToString(CotEvent e) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(DECLARATION);
        sb.append("<event version=\"2.0\"");
        attr(sb, "uid", e.uid());
        attr(sb, "type", e.type());
        attr(sb, "how", e.how());
        attr(sb, "time", CotTime.format(e.time()));
        attr(sb, "start", CotTime.format(e.start()));
        attr(sb, "stale", CotTime.format(e.stale()));
        if (!e.access().isEmpty()) {
            attr(sb, "access", e.access());
        }
        if (!e.qos().isEmpty()) {
            attr(sb, "qos", e.qos());
        }
        if (!e.opex().isEmpty()) {
            attr(sb, "opex", e.opex());
        }
        sb.append('>');
        CotPoint p = e.point();
        sb.append("<point");
        attr(sb, "lat", number(p.latDeg()));
        attr(sb, "lon", number(p.lonDeg()));
        attr(sb, "hae", number(p.haeMetres()));
        attr(sb, "ce", number(p.ceMetres()));
        attr(sb, "le", number(p.leMetres()));
        sb.append("/>");
        if (e.detail().isEmpty()) {
            sb.append("<detail/>");
        } else {
            sb.append("<detail>");
            elements(sb, e.detail().elements());
            sb.append("</detail>");
        }
        sb.append("</event>");
        return sb.toString();
    }

    /** Detail children serialized without a wrapper or declaration: the protobuf {@code xmlDetail}. */
    public String encodeElements(List<XmlElement> elements) {
        StringBuilder sb = new StringBuilder(256);
        elements(sb, elements);
        return sb.toString();
    }

    private static void elements(StringBuilder sb, List<? extends XmlNode> nodes) {
        for (XmlNode n : nodes) {
            switch (n) {
                case XmlElement el -> element(sb, el);
                case XmlText(String text) -> escape(sb, text, false);
            }
        }
    }

    private static void element(StringBuilder sb, XmlElement el) {
        sb.append('<').append(el.name());
        for (XmlAttribute a : el.attributes()) {
            attr(sb, a.name(), a.value());
        }
        if (el.children().isEmpty()) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        elements(sb, el.children());
        sb.append("</").append(el.name()).append('>');
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        escape(sb, value, true);
        sb.append('"');
    }

    /** Shortest decimal that reads back as the same double ({@code 9999999.0}, {@code 50.4501}). */
    static String number(double v) {
        return Double.toString(v);
    }

    private static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
