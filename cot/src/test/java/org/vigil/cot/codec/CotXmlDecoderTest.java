package org.vigil.cot.codec;

import org.junit.jupiter.api.Test;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.XmlText;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CotXmlDecoderTest {

    private static final String POINT = "<point lat=\"50.45\" lon=\"30.52\" hae=\"179.3\" ce=\"4.9\" le=\"9999999.0\"/>";
    private static final String TIMES = "time=\"2026-03-14T09:30:00.000Z\" start=\"2026-03-14T09:30:00.000Z\" stale=\"2026-03-14T09:36:00.000Z\"";

    private final CotXmlDecoder decoder = new CotXmlDecoder(4096);

    private DecodeResult<CotEvent> decode(String xml) {
        return decoder.decode(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String detail) {
        return "<event version=\"2.0\" uid=\"u-1\" type=\"a-f-G\" how=\"m-g\" " + TIMES + ">" + POINT + detail + "</event>";
    }

    private static String reason(DecodeResult<?> r) {
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected<?>) r).reason();
    }

    @Test
    void readsAMinimalEvent() {
        CotEvent e = decode(event("<detail><remarks>a &amp; b</remarks></detail>")).orElseThrow();
        assertThat(e.uid()).isEqualTo("u-1");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:30:00Z"));
        assertThat(e.point().leMetres()).isEqualTo(CotPoint.UNKNOWN);
        assertThat(e.detail().first("remarks").orElseThrow().children()).containsExactly(new XmlText("a & b"));
    }

    @Test
    void refusesADoctypeAndEntities() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + event("<detail><remarks>&lol2;</remarks></detail>");
        assertThat(reason(decode(laughs))).contains("DTD");
        String external = "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + event("<detail><r>&x;</r></detail>");
        assertThat(reason(decode(external))).contains("DTD");
        assertThat(reason(decode(event("<detail><r>&undefined;</r></detail>")))).startsWith("malformed XML");
    }

    @Test
    void refusesAnEventOverTheLimit() {
        String big = event("<detail><remarks>" + "x".repeat(5000) + "</remarks></detail>");
        assertThat(reason(decode(big))).contains("exceeds the limit of 4096");
    }

    @Test
    void givesAReasonForEachMissingOrBadField() {
        assertThat(reason(decode(event("").replace("uid=\"u-1\" ", "")))).isEqualTo("missing event/@uid");
        assertThat(reason(decode(event("").replace(" le=\"9999999.0\"", "")))).isEqualTo("missing point/@le");
        assertThat(reason(decode(event("").replace(POINT, "")))).isEqualTo("missing <point>");
        assertThat(reason(decode(event("").replace("lat=\"50.45\"", "lat=\"north\"")))).contains("not a number");
        assertThat(reason(decode(event("").replace("lat=\"50.45\"", "lat=\"91\"")))).contains("latitude");
        assertThat(reason(decode(event("").replace("stale=\"2026-03-14T09:36", "stale=\"2026-03-14T09:26"))))
                .contains("before start");
        assertThat(reason(decode(event("").replace("time=\"2026-03-14T09:30:00.000Z\"", "time=\"yesterday\""))))
                .contains("bad time");
        assertThat(reason(decode("<events/>"))).contains("not <event>");
        assertThat(reason(decode("<event"))).startsWith("malformed XML");
        assertThat(reason(decode(""))).startsWith("malformed XML");
        assertThat(reason(decode(event("<detail/><detail/>").replace("<detail/><detail/>", "<detail><a/></detail><detail><b/></detail>"))))
                .contains("more than one <detail>");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "<a>".repeat(40) + "</a>".repeat(40);
        assertThat(reason(decode(event("<detail>" + deep + "</detail>")))).contains("nested deeper");
    }

    @Test
    void acceptsAnyChildOrderFractionLengthAndUnknownMarker() {
        String x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<event version=\"2.0\" uid=\"u\" type=\"a-f-G\" how=\"m-g\" time=\"2026-03-14T09:30:00.123456789012Z\" "
                + "start=\"2026-03-14T09:30:00Z\" stale=\"2026-03-14T09:36:00.5Z\"><detail><x a=\"1\"/></detail>"
                + "<point lat=\"0\" lon=\"0\" hae=\"999999\" ce=\"1e7\" le=\"3\"/></event>";
        CotEvent e = decode(x).orElseThrow();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:30:00.123Z"));
        assertThat(e.stale()).isEqualTo(Instant.parse("2026-03-14T09:36:00.500Z"));
        assertThat(e.point().haeMetres()).isEqualTo(CotPoint.UNKNOWN);
        assertThat(e.point().ceMetres()).isEqualTo(CotPoint.UNKNOWN);
        assertThat(e.detail().first("x")).isPresent();
    }

    @Test
    void keepsUnknownDetailAsIsThroughEncoding() {
        String detail = "<detail><_flow-tags_ NodeCoT=\"2026-03-14T09:30:00Z\"/><link uid=\"x\" relation=\"p-p\"/>"
                + "<remarks source=\"s\">two &lt;tracked&gt; \"vehicles\"\nnext line</remarks><marti><dest callsign=\"B\"/></marti></detail>";
        CotEvent e = decode(event(detail)).orElseThrow();
        String out = new CotXmlEncoder().encodeToString(e);
        assertThat(out).contains(detail.replace("\"vehicles\"", "\"vehicles\""));
        assertThat(decode(out).orElseThrow()).isEqualTo(e);
    }
}
