package org.vigil.cot.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.proto.v1.TakMessage;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden bytes made by a third-party TAK library (node-cot 12.23.0): our decoder must read
 * the fields listed in each sample's .json, and our encodings must read back identically.
 */
class GoldenSampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TakProtoCodec proto = new TakProtoCodec();
    private final CotXmlDecoder xml = new CotXmlDecoder();
    private final CotXmlEncoder xmlOut = new CotXmlEncoder();

    static List<String> samples() {
        return Samples.NAMES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void protobufDecodesToTheJsonFields(String name) throws IOException {
        JsonNode expected = JSON.readTree(Samples.bytes(name + ".json")).path("takMessage").path("cotEvent");
        CotEvent e = proto.decode(Samples.bytes(name + ".pb")).orElseThrow();
        assertEventFields(e, expected);
        JsonNode detail = expected.path("detail");
        // every typed field in the sample is an element of our detail, with the same attribute values
        for (Map.Entry<String, String> typed : Map.of("contact", "contact", "group", "__group",
                "precisionLocation", "precisionlocation", "status", "status", "takv", "takv", "track", "track").entrySet()) {
            JsonNode fields = detail.path(typed.getKey());
            if (fields.isMissingNode()) {
                continue;
            }
            XmlElement el = e.detail().first(typed.getValue()).orElseThrow();
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String actual = el.attribute(f.getKey()).orElseThrow();
                if (f.getValue().isNumber()) {
                    assertThat(Double.parseDouble(actual)).as(name + " " + typed + "." + f.getKey())
                            .isEqualTo(f.getValue().asDouble());
                } else {
                    assertThat(actual).as(name + " " + typed + "." + f.getKey()).isEqualTo(f.getValue().asText());
                }
            }
        }
        // every element of xmlDetail is in our detail, unchanged
        if (detail.has("xmlDetail")) {
            var fromXmlDetail = new CotXmlDecoder().decodeDetailFragment(detail.get("xmlDetail").asText()).orElseThrow();
            assertThat(e.detail().elements()).containsAll(fromXmlDetail.elements());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void protobufReEncodesToTheSameMessage(String name) throws IOException {
        byte[] pb = Samples.bytes(name + ".pb");
        TakMessage golden = TakMessage.parseFrom(pb);
        // protobufjs writes zero doubles explicitly (ping's point); protobuf-java omits them: same message
        assertThat(TakMessage.parseFrom(golden.toByteArray())).isEqualTo(golden);
        if (!name.equals("ping")) {
            assertThat(golden.toByteArray()).isEqualTo(pb);
        }
        // our own event -> protobuf -> event is lossless, and event -> XML -> event too
        CotEvent e = proto.decode(pb).orElseThrow();
        assertThat(proto.decode(proto.encode(e)).orElseThrow().sameAs(e)).isTrue();
        assertThat(xml.decode(xmlOut.encode(e)).orElseThrow()).isEqualTo(e);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void xmlDecodesToTheSameFieldsAsTheLibrary(String name) throws IOException {
        JsonNode expected = JSON.readTree(Samples.bytes(name + ".json")).path("takMessage").path("cotEvent");
        CotEvent fromXml = xml.decode(Samples.bytes(name + ".xml")).orElseThrow();
        assertEventFields(fromXml, expected);
        // through our protobuf and back: the same event
        assertThat(proto.decode(proto.encode(fromXml)).orElseThrow().sameAs(fromXml)).isTrue();
    }

    @Test
    void framedCopiesUnwrapToThePayload() {
        byte[] pb = Samples.bytes("friendly-unit.pb");
        Framed f = TakFraming.nextStreamFrame(Unpooled.wrappedBuffer(Samples.bytes("friendly-unit.stream.bin")), 1 << 16);
        assertThat(f).isInstanceOf(Framed.Complete.class);
        assertThat(((Framed.Complete) f).bytes()).isEqualTo(pb);
        assertThat(TakFraming.unwrapMesh(Samples.bytes("friendly-unit.mesh.bin")).orElseThrow()).isEqualTo(pb);
        assertThat(TakFraming.streamFrame(pb)).isEqualTo(Samples.bytes("friendly-unit.stream.bin"));
        assertThat(TakFraming.meshFrame(pb)).isEqualTo(Samples.bytes("friendly-unit.mesh.bin"));
    }

    @Test
    void ourEncoderTypesEveryTypableElementUnlikeTheLibrary() {
        CotEvent e = xml.decode(Samples.bytes("friendly-unit.xml")).orElseThrow();
        TakMessage m = proto.toMessage(e);
        var d = m.getCotEvent().getDetail();
        assertThat(d.getPrecisionLocation().getGeopointsrc()).isEqualTo("GPS");
        assertThat(d.getGroup().getName()).isEqualTo("Cyan");
        assertThat(d.getGroup().getRole()).isEqualTo("Team Lead");
        assertThat(d.getTrack().getSpeed()).isEqualTo(1.8);
        assertThat(d.getTrack().getCourse()).isEqualTo(94.5);
        assertThat(d.getXmlDetail()).isEqualTo("<uid Droid=\"FALCON-21\"/>");
        assertThat(m.getCotEvent().getLe()).isEqualTo(9999999.0);
    }

    @Test
    void anElementWithAnExtraAttributeStaysWholeInXmlDetail() {
        String x = """
                <event version="2.0" uid="u" type="a-f-G" how="m-g" time="2026-03-14T09:30:00Z" start="2026-03-14T09:30:00Z" stale="2026-03-14T09:31:00Z">
                  <detail><contact callsign="A" phone="123"/><__group name="Red" role="HQ"/><__group name="Blue" role="HQ"/></detail>
                  <point lat="1" lon="2" hae="3" ce="4" le="5"/>
                </event>""";
        CotEvent e = xml.decode(x.getBytes()).orElseThrow();
        var d = proto.toMessage(e).getCotEvent().getDetail();
        assertThat(d.hasContact()).isFalse();
        assertThat(d.hasGroup()).isFalse();
        assertThat(d.getXmlDetail()).isEqualTo(
                "<contact callsign=\"A\" phone=\"123\"/><__group name=\"Red\" role=\"HQ\"/><__group name=\"Blue\" role=\"HQ\"/>");
        assertThat(proto.decode(proto.encode(e)).orElseThrow().sameAs(e)).isTrue();
    }

    private static void assertEventFields(CotEvent e, JsonNode expected) {
        assertThat(e.uid()).isEqualTo(expected.get("uid").asText());
        assertThat(e.type()).isEqualTo(expected.get("type").asText());
        assertThat(e.how()).isEqualTo(expected.get("how").asText());
        assertThat(e.time().toEpochMilli()).isEqualTo(expected.get("sendTime").asLong());
        assertThat(e.start().toEpochMilli()).isEqualTo(expected.get("startTime").asLong());
        assertThat(e.stale().toEpochMilli()).isEqualTo(expected.get("staleTime").asLong());
        assertThat(e.point().latDeg()).isEqualTo(expected.path("lat").asDouble());
        assertThat(e.point().lonDeg()).isEqualTo(expected.path("lon").asDouble());
        assertThat(e.point().haeMetres()).isEqualTo(expected.path("hae").asDouble());
        assertThat(e.point().ceMetres()).isEqualTo(expected.path("ce").asDouble());
        assertThat(e.point().leMetres()).isEqualTo(expected.path("le").asDouble());
    }
}
