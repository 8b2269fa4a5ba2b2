package org.vigil.cot.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;
import org.vigil.cot.event.XmlNode;
import org.vigil.cot.event.XmlText;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz and property tests of the decoders and framers: random and mutated input never
 * throws past the decoder, is rejected with a reason, never allocates beyond the size
 * limit; streams cut anywhere decode to the same events.
 */
class CodecPropertyTest {

    private static final int LIMIT = 4096;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final CotXmlDecoder xml = new CotXmlDecoder(LIMIT);
    private final TakProtoCodec proto = new TakProtoCodec(LIMIT);

    // ---- decoders on hostile input

    @Property(tries = 400)
    void xmlDecoderRejectsRandomBytesWithAReason(@ForAll @Size(max = 3000) byte[] bytes) {
        assertRejectedOrDecoded(xml.decode(bytes));
    }

    @Property(tries = 600)
    void xmlDecoderSurvivesMutatedSamples(@ForAll("sampleNames") String name, @ForAll("mutations") List<Mutation> mutations) {
        byte[] mutated = mutate(Samples.bytes(name + ".xml"), mutations);
        assertRejectedOrDecoded(xml.decode(mutated));
    }

    @Property(tries = 400)
    void protobufDecoderRejectsRandomBytesWithAReason(@ForAll @Size(max = 3000) byte[] bytes) {
        assertRejectedOrDecoded(proto.decode(bytes));
    }

    @Property(tries = 600)
    void protobufDecoderSurvivesMutatedSamples(@ForAll("sampleNames") String name, @ForAll("mutations") List<Mutation> mutations) {
        assertRejectedOrDecoded(proto.decode(mutate(Samples.bytes(name + ".pb"), mutations)));
    }

    @Property(tries = 200)
    void inputOverTheLimitIsRefusedWithoutAllocatingItsSize(@ForAll @IntRange(min = LIMIT + 1, max = 200_000) int size) {
        byte[] big = new byte[size];
        xml.decode(big); // warm-up: class loading is not the decoder's allocation
        proto.decode(big);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        DecodeResult<CotEvent> x = xml.decode(big);
        DecodeResult<CotEvent> p = proto.decode(big);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(x).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(p).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(allocated).isLessThan(LIMIT);
    }

    @Property(tries = 300)
    void aFrameClaimingMoreThanTheLimitIsRefusedBeforeAllocation(@ForAll @IntRange(min = 1, max = 63) int bits,
                                                                 @ForAll @Size(max = 64) byte[] tail) {
        long claimed = LIMIT + 1 + (Long.MAX_VALUE >>> (63 - bits)) % (Long.MAX_VALUE - LIMIT - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xbf);
        TakFraming.writeVarint(out, claimed);
        out.writeBytes(tail);
        ByteBuf in = Unpooled.wrappedBuffer(out.toByteArray());
        TakFraming.nextStreamFrame(in.duplicate(), LIMIT); // warm-up: class loading is not the framer's allocation
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Framed f = TakFraming.nextStreamFrame(in, LIMIT);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(f).isInstanceOf(Framed.Refused.class);
        assertThat(((Framed.Refused) f).reason()).contains("limit");
        assertThat(allocated).isLessThan(LIMIT);
    }

    @Property(tries = 200)
    void anXmlStreamWithoutAnEndWithinTheLimitIsRefusedWithoutCopyingIt(
            @ForAll @IntRange(min = LIMIT, max = 200_000) int size, @ForAll @IntRange(min = 1, max = 255) int fill) {
        byte[] flood = new byte[size];
        java.util.Arrays.fill(flood, (byte) fill);
        System.arraycopy("<event ".getBytes(StandardCharsets.US_ASCII), 0, flood, 0, 7);
        ByteBuf in = Unpooled.wrappedBuffer(flood);
        new XmlStreamSplitter(LIMIT).next(in.duplicate()); // warm-up: class loading is not the splitter's allocation
        XmlStreamSplitter splitter = new XmlStreamSplitter(LIMIT);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Framed f = splitter.next(in);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(f).isInstanceOf(Framed.Refused.class);
        assertThat(((Framed.Refused) f).reason()).contains("within " + LIMIT);
        assertThat(allocated).isLessThan(LIMIT);
    }

    @Property(tries = 400)
    void meshUnwrapNeverThrowsAndGivesAReason(@ForAll @Size(max = 3000) byte[] bytes) {
        DecodeResult<byte[]> r = TakFraming.unwrapMesh(bytes);
        if (r instanceof DecodeResult.Rejected<byte[]> rej) {
            assertThat(rej.reason()).isNotBlank().doesNotContain("\n");
        } else {
            byte[] payload = r.orElseThrow();
            assertThat(payload.length).isLessThan(Math.max(bytes.length, 1));
            assertRejectedOrDecoded(proto.decode(payload));
        }
    }

    @Property(tries = 400)
    void framersNeverThrowAndNeverHandOutMoreThanTheLimit(@ForAll @Size(max = 6000) byte[] bytes) {
        ByteBuf a = Unpooled.wrappedBuffer(bytes);
        for (int i = 0; i < 100; i++) {
            Framed f = TakFraming.nextStreamFrame(a, LIMIT);
            if (f instanceof Framed.Complete c) {
                assertThat(c.bytes().length).isLessThanOrEqualTo(LIMIT);
            } else {
                break;
            }
        }
        XmlStreamSplitter splitter = new XmlStreamSplitter(LIMIT);
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        for (int i = 0; i < 100; i++) {
            Framed f = splitter.next(b);
            if (f instanceof Framed.Complete c) {
                assertThat(c.bytes().length).isLessThanOrEqualTo(LIMIT);
            } else {
                if (f instanceof Framed.Incomplete) {
                    assertThat(b.readableBytes()).isLessThan(LIMIT);
                }
                break;
            }
        }
    }

    // ---- streams cut anywhere

    @Property(tries = 200)
    void xmlStreamCutAnywhereGivesTheSameEvents(@ForAll("eventLists") List<String> events, @ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder stream = new StringBuilder();
        for (String e : events) {
            stream.append(List.of("", "\n", "\r\n", "\u0000", "  \t").get(r.nextInt(5))).append(e);
        }
        List<byte[]> chunks = cut(stream.toString().getBytes(StandardCharsets.UTF_8), r);
        XmlStreamSplitter splitter = new XmlStreamSplitter(LIMIT);
        ByteBuf buffer = Unpooled.buffer();
        List<CotEvent> got = new ArrayList<>();
        for (byte[] chunk : chunks) {
            buffer.writeBytes(chunk);
            Framed f;
            while ((f = splitter.next(buffer)) instanceof Framed.Complete c) {
                got.add(xml.decode(c.bytes()).orElseThrow());
            }
            assertThat(f).isInstanceOf(Framed.Incomplete.class);
        }
        assertThat(got).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(got.get(i)).isEqualTo(xml.decode(events.get(i).getBytes(StandardCharsets.UTF_8)).orElseThrow());
        }
    }

    @Property(tries = 200)
    void protobufStreamCutAnywhereGivesTheSameEvents(@ForAll("events") List<CotEvent> events, @ForAll long seed) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (CotEvent e : events) {
            stream.writeBytes(TakFraming.streamFrame(proto.encode(e)));
        }
        ByteBuf buffer = Unpooled.buffer();
        List<CotEvent> got = new ArrayList<>();
        for (byte[] chunk : cut(stream.toByteArray(), new Random(seed))) {
            buffer.writeBytes(chunk);
            Framed f;
            while ((f = TakFraming.nextStreamFrame(buffer, LIMIT)) instanceof Framed.Complete c) {
                got.add(proto.decode(c.bytes()).orElseThrow());
            }
            assertThat(f).isInstanceOf(Framed.Incomplete.class);
        }
        assertThat(got).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(got.get(i).sameAs(events.get(i))).as("event %d", i).isTrue();
        }
    }

    @Property(tries = 300)
    void anyEventSurvivesXmlAndProtobuf(@ForAll("event") CotEvent e) {
        CotEvent viaXml = xml.decode(new CotXmlEncoder().encode(e)).orElseThrow();
        assertThat(viaXml).isEqualTo(e);
        CotEvent viaProto = proto.decode(proto.encode(e)).orElseThrow();
        assertThat(viaProto.sameAs(e)).isTrue();
        assertThat(TakFraming.unwrapMesh(TakFraming.meshFrame(proto.encode(e))).orElseThrow()).isEqualTo(proto.encode(e));
    }

    @Property(tries = 400)
    void theDirectProtobufReaderAgreesWithTheGeneratedParser(@ForAll("sensorEvent") CotEvent e,
                                                             @ForAll("mutations") List<Mutation> mutations) {
        byte[] payload = proto.encode(e);
        assertThat(TakProtoCodec.decodePlain(payload)).as("read directly").isNotNull();
        assertThat(proto.decode(payload)).isEqualTo(proto.decodeGeneral(payload));
        byte[] mutated = mutate(payload, mutations);
        assertThat(proto.decode(mutated)).as("mutated").isEqualTo(proto.decodeGeneral(mutated));
    }

    @Property(tries = 300)
    void theDirectProtobufReaderAgreesOnAnyEventAndSample(@ForAll("event") CotEvent e, @ForAll("sampleNames") String name,
                                                          @ForAll("mutations") List<Mutation> mutations) {
        byte[] payload = proto.encode(e);
        assertThat(proto.decode(payload)).isEqualTo(proto.decodeGeneral(payload));
        byte[] sample = mutate(Samples.bytes(name + ".pb"), mutations);
        assertThat(proto.decode(sample)).as("mutated sample").isEqualTo(proto.decodeGeneral(sample));
    }

    // ---- generators

    /** An event as a sensor feed sends it: its detail at most a {@code __group}. */
    @Provide
    Arbitrary<CotEvent> sensorEvent() {
        Arbitrary<String> token = Arbitraries.strings().withChars("abcXYZ019-_. é中").ofMinLength(0).ofMaxLength(12);
        Arbitrary<Detail> group = Combinators.combine(token, token).as((n, r) -> new Detail(List.of(XmlElement.empty("__group",
                List.of(new XmlAttribute("name", n), new XmlAttribute("role", r))))));
        return Combinators.combine(event(), Arbitraries.oneOf(group, Arbitraries.just(Detail.EMPTY)))
                .as((e, d) -> new CotEvent(e.uid(), e.type(), e.how(), e.time(), e.start(), e.stale(), e.access(), e.qos(),
                        e.opex(), e.point(), d));
    }

    @Provide
    Arbitrary<String> sampleNames() {
        return Arbitraries.of(Samples.NAMES);
    }

    record Mutation(int kind, int position, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1000),
                Arbitraries.bytes()).as(Mutation::new).list().ofMinSize(1).ofMaxSize(8);
    }

    private static byte[] mutate(byte[] original, List<Mutation> mutations) {
        List<Byte> b = new ArrayList<>();
        for (byte x : original) {
            b.add(x);
        }
        for (Mutation m : mutations) {
            if (b.isEmpty()) {
                break;
            }
            int at = m.position() % b.size();
            switch (m.kind()) {
                case 0 -> b.set(at, m.value());
                case 1 -> b.add(at, m.value());
                case 2 -> b.remove(at);
                default -> b.subList(at, b.size()).clear();
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    private static List<byte[]> cut(byte[] stream, Random r) {
        List<byte[]> chunks = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int n = Math.min(stream.length - at, 1 + r.nextInt(r.nextBoolean() ? 8 : 400));
            byte[] c = new byte[n];
            System.arraycopy(stream, at, c, 0, n);
            chunks.add(c);
            at += n;
        }
        return chunks;
    }

    @Provide
    Arbitrary<List<String>> eventLists() {
        Arbitrary<String> one = Arbitraries.oneOf(
                Arbitraries.of(Samples.NAMES).map(n -> new String(Samples.bytes(n + ".xml"), StandardCharsets.UTF_8)),
                event().map(e -> new CotXmlEncoder().encodeToString(e)));
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<CotEvent>> events() {
        return event().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<CotEvent> event() {
        Arbitrary<String> token = Arbitraries.strings().withChars("abcXYZ019-_.:<>&\"' é中").ofMinLength(1).ofMaxLength(12);
        Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
        Arbitrary<CotPoint> point = Combinators.combine(Arbitraries.doubles().between(-90, 90),
                Arbitraries.doubles().between(-180, 180), Arbitraries.doubles().between(-500, 9000),
                Arbitraries.of(0.0, 4.9, 35.0, CotPoint.UNKNOWN), Arbitraries.of(0.0, 12.5, CotPoint.UNKNOWN))
                .as(CotPoint::new);
        Arbitrary<Detail> detail = element(token, 2).list().ofMaxSize(5).map(Detail::new);
        return Combinators.combine(token.filter(t -> !t.isBlank()), Arbitraries.of("a-f-G-U-C", "a-h-G", "b-m-p-s-m", "u-d-p"),
                Arbitraries.of("m-g", "h-e"), time, Arbitraries.longs().between(0, 3_600_000), point, detail,
                Arbitraries.of("", "x"))
                .as((uid, type, how, t, staleMs, p, d, qos) ->
                        new CotEvent(uid, type, how, t, t, t.plusMillis(staleMs), "", qos, "", p, d));
    }

    private Arbitrary<XmlElement> element(Arbitrary<String> token, int depth) {
        Arbitrary<String> name = Arbitraries.of("contact", "__group", "track", "status", "takv", "precisionlocation",
                "remarks", "link", "uid", "_flow-tags_", "x");
        Arbitrary<String> attrName = Arbitraries.of("callsign", "endpoint", "name", "role", "speed", "course",
                "battery", "device", "platform", "os", "version", "geopointsrc", "altsrc", "uid", "phone");
        Arbitrary<String> value = Arbitraries.oneOf(token, Arbitraries.of("1.5", "87", "0"));
        Arbitrary<List<XmlAttribute>> attrs = Combinators.combine(attrName, value).as(XmlAttribute::new)
                .list().ofMaxSize(4).uniqueElements(XmlAttribute::name);
        Arbitrary<List<XmlNode>> children = depth == 0
                ? Arbitraries.just(List.of())
                : Arbitraries.oneOf(Arbitraries.just(List.of()),
                        token.map(t -> List.<XmlNode>of(new XmlText(t.isBlank() ? "t" : t))),
                        Arbitraries.lazy(() -> element(token, depth - 1)).list().ofMaxSize(2).map(List::<XmlNode>copyOf));
        return Combinators.combine(name, attrs, children).as(XmlElement::new);
    }

    private static void assertRejectedOrDecoded(DecodeResult<CotEvent> r) {
        assertThat(r).isNotNull();
        if (r instanceof DecodeResult.Rejected<CotEvent> rej) {
            assertThat(rej.reason()).isNotBlank().doesNotContain("\n");
        }
    }
}
