package org.vigil.watch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.cot.codec.CotXmlDecoder;
import org.vigil.cot.codec.DecodeResult;
import org.vigil.cot.codec.Framed;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.codec.XmlStreamSplitter;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;
import org.vigil.cot.event.XmlAttribute;
import org.vigil.cot.event.XmlElement;

/**
 * The bench's hand-laid TAK protocol v1 frames against the reference they replace: the
 * detection built as a {@link CotEvent}, encoded by the cot module's {@link TakProtoCodec}
 * and framed by {@link TakFraming#streamFrame} (the bench's path before; kept here as
 * {@link #referenceFrame}). The frames must be the same bytes, decode with the project's own
 * framer and codec to the same event, and a sensor's burst must parse as a stream of them.
 */
class DetectionFrameTest {

    private static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    /** The bench's detection as it was built before: the reference for every field. */
    static CotEvent referenceEvent(String uid, String group, long timeMillis, double latDeg, double lonDeg) {
        Instant now = Instant.ofEpochMilli(timeMillis);
        return CotEvent.of(uid, "a-h-G-E-V", "m-g", now, now.plusSeconds(60),
                new CotPoint(latDeg, lonDeg, CotPoint.UNKNOWN, 15, CotPoint.UNKNOWN),
                new Detail(List.of(XmlElement.empty("__group", List.of(new XmlAttribute("name", group),
                        new XmlAttribute("role", "Team Member"))))));
    }

    /** The frame the bench wrote before: codec, then stream framing. */
    static byte[] referenceFrame(TakProtoCodec codec, CotEvent e) {
        return TakFraming.streamFrame(codec.encode(e));
    }

    @Test
    void framesAreTheReferenceBytesAndDecodeToTheReferenceEvent() {
        TakProtoCodec codec = new TakProtoCodec();
        Random r = new Random(42);
        byte[] buf = new byte[4096];
        long from = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
        int checked = 0;
        for (int sensor : new int[] {0, 7, 99, 1234, 9999}) {
            for (int target : new int[] {0, 5, 17, 999}) {
                String uid = "bench-sensor-" + sensor + ".target-" + target;
                String group = "bench-" + sensor;
                IngestBench.DetectionFrame frame = new IngestBench.DetectionFrame(uid, group);
                for (int i = 0; i < 50; i++) {
                    long time = from + (long) (r.nextDouble() * (to - from));
                    double lat = -90 + 180 * r.nextDouble();
                    double lon = -180 + 360 * r.nextDouble();
                    CotEvent expected = referenceEvent(uid, group, time, lat, lon);
                    byte[] reference = referenceFrame(codec, expected);
                    int off = r.nextInt(100); // anywhere in the buffer
                    int end = frame.write(buf, off, time, lat, lon);
                    byte[] written = java.util.Arrays.copyOfRange(buf, off, end);

                    assertThat(written).as(uid + " at " + time).isEqualTo(reference);
                    assertThat(frame.length()).isEqualTo(reference.length);
                    CotEvent decoded = decodeOne(codec, written);
                    assertSameDetection(decoded, expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(1000);
    }

    @Test
    void aPositionOfExactlyZeroIsWrittenOutButDecodesTheSame() {
        // protobuf-java leaves a 0.0 double out; the template writes it: other bytes, same event
        TakProtoCodec codec = new TakProtoCodec();
        IngestBench.DetectionFrame frame = new IngestBench.DetectionFrame("bench-sensor-1.target-2", "bench-1");
        long time = Instant.parse("2026-03-01T10:00:00.123Z").toEpochMilli();
        byte[] buf = new byte[512];
        int end = frame.write(buf, 0, time, 0.0, 0.0);
        CotEvent expected = referenceEvent("bench-sensor-1.target-2", "bench-1", time, 0.0, 0.0);
        assertThat(end).isGreaterThan(referenceFrame(codec, expected).length);
        assertSameDetection(decodeOne(codec, java.util.Arrays.copyOf(buf, end)), expected);
    }

    @Test
    void refusesTimesWhoseVarintWouldChangeTheFrameLength() {
        IngestBench.DetectionFrame frame = new IngestBench.DetectionFrame("bench-sensor-1.target-2", "bench-1");
        byte[] buf = new byte[512];
        assertThatThrownBy(() -> frame.write(buf, 0, 0, 48, 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1971..2109");
        assertThatThrownBy(() -> frame.write(buf, 0, 1L << 42, 48, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSensorsBurstIsOneWriteOfFramesThatDecodeToTheSameDetectionsAsItsXml() throws Exception {
        IngestBench bench = new IngestBench(config("pb"));
        IngestBench.Sensor pb = bench.new Sensor(3);
        IngestBench.Sensor xml = bench.new Sensor(3); // same seed: the same targets and noise draws
        CountingStream pbOut = new CountingStream();
        CountingStream xmlOut = new CountingStream();
        pb.out = pbOut;
        pb.protobuf = true;
        xml.out = xmlOut;
        xml.protobuf = false;
        long start = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
        pb.startMillis = start;
        xml.startMillis = start;
        int[] bursts = {7, 20, 13};
        long now = start;
        for (int n : bursts) {
            now += 20;
            pb.send(now, n);
            xml.send(now, n);
        }
        assertThat(pbOut.writes).isEqualTo(bursts.length);

        TakProtoCodec codec = new TakProtoCodec();
        List<CotEvent> fromPb = decodeStream(codec, pbOut.toByteArray());
        List<CotEvent> fromXml = decodeXmlStream(xmlOut.toByteArray());
        assertThat(fromPb).hasSize(40).hasSameSizeAs(fromXml);
        long burstTime = start;
        int i = 0;
        for (int n : bursts) {
            burstTime += 20;
            for (int k = 0; k < n; k++, i++) {
                CotEvent e = fromPb.get(i);
                assertThat(e.uid()).isEqualTo("bench-sensor-3.target-" + (i % 20)); // round-robin over 20 targets
                assertThat(e.time().toEpochMilli()).isEqualTo(burstTime);
                assertThat(e.point().latDeg()).isBetween(48.0, 48.4);
                assertSameDetection(e, fromXml.get(i));
                assertSameDetection(e, referenceEvent(e.uid(), "bench-3", burstTime, fromXml.get(i).point().latDeg(),
                        fromXml.get(i).point().lonDeg()));
            }
        }
    }

    @Test
    void aBurstLargerThanTheBufferIsWrittenInPiecesThatStillParse() throws Exception {
        IngestBench.Sensor pb = new IngestBench(config("pb")).new Sensor(0);
        CountingStream out = new CountingStream();
        pb.out = out;
        pb.protobuf = true;
        long start = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
        pb.startMillis = start;
        pb.send(start + 1000, 2000); // ~140 bytes each: about four 64 KiB buffers' worth
        assertThat(out.writes).isBetween(2, 8);
        List<CotEvent> events = decodeStream(new TakProtoCodec(), out.toByteArray());
        assertThat(events).hasSize(2000);
        assertThat(events.get(1999).uid()).isEqualTo("bench-sensor-0.target-19");
    }

    private static IngestBench.Config config(String proto) {
        return new IngestBench.Config("127.0.0.1", 1, 4, 100, Duration.ofSeconds(1), Duration.ZERO, 20, proto,
                null, null, 1, Duration.ofMillis(20));
    }

    /** Every field the bench sets, compared exactly (positions bit for bit). */
    static void assertSameDetection(CotEvent actual, CotEvent expected) {
        assertThat(actual.uid()).isEqualTo(expected.uid());
        assertThat(actual.type()).isEqualTo(expected.type()).isEqualTo("a-h-G-E-V");
        assertThat(actual.how()).isEqualTo(expected.how()).isEqualTo("m-g");
        assertThat(actual.time()).isEqualTo(expected.time());
        assertThat(actual.start()).isEqualTo(expected.start()).isEqualTo(expected.time());
        assertThat(actual.stale()).isEqualTo(expected.stale()).isEqualTo(expected.time().plusSeconds(60));
        assertThat(actual.access()).isEqualTo(expected.access()).isEmpty();
        assertThat(actual.qos()).isEqualTo(expected.qos()).isEmpty();
        assertThat(actual.opex()).isEqualTo(expected.opex()).isEmpty();
        assertThat(Double.doubleToRawLongBits(actual.point().latDeg()))
                .isEqualTo(Double.doubleToRawLongBits(expected.point().latDeg()));
        assertThat(Double.doubleToRawLongBits(actual.point().lonDeg()))
                .isEqualTo(Double.doubleToRawLongBits(expected.point().lonDeg()));
        assertThat(actual.point().haeMetres()).isEqualTo(expected.point().haeMetres()).isEqualTo(CotPoint.UNKNOWN);
        assertThat(actual.point().ceMetres()).isEqualTo(expected.point().ceMetres()).isEqualTo(15.0);
        assertThat(actual.point().leMetres()).isEqualTo(expected.point().leMetres()).isEqualTo(CotPoint.UNKNOWN);
        assertThat(actual.detail().elements()).hasSize(1);
        assertThat(actual.detail().sameElementsAs(expected.detail())).isTrue();
        assertThat(actual.sameAs(expected)).isTrue();
    }

    /** Exactly one stream frame, decoded by the cot module's framer and codec. */
    private static CotEvent decodeOne(TakProtoCodec codec, byte[] frame) {
        List<CotEvent> events = decodeStream(codec, frame);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static List<CotEvent> decodeStream(TakProtoCodec codec, byte[] stream) {
        ByteBuf in = Unpooled.wrappedBuffer(stream);
        List<CotEvent> events = new ArrayList<>();
        while (in.isReadable()) {
            Framed f = TakFraming.nextStreamFrame(in, MAX_PAYLOAD_BYTES);
            assertThat(f).isInstanceOf(Framed.Complete.class);
            DecodeResult<CotEvent> d = codec.decode(((Framed.Complete) f).bytes());
            assertThat(d).isInstanceOf(DecodeResult.Decoded.class);
            events.add(((DecodeResult.Decoded<CotEvent>) d).value());
        }
        return events;
    }

    private static List<CotEvent> decodeXmlStream(byte[] stream) {
        ByteBuf in = Unpooled.wrappedBuffer(stream);
        XmlStreamSplitter splitter = new XmlStreamSplitter(MAX_PAYLOAD_BYTES);
        CotXmlDecoder decoder = new CotXmlDecoder();
        List<CotEvent> events = new ArrayList<>();
        while (true) {
            Framed f = splitter.next(in);
            if (!(f instanceof Framed.Complete c)) {
                break;
            }
            DecodeResult<CotEvent> d = decoder.decode(c.bytes());
            assertThat(d).isInstanceOf(DecodeResult.Decoded.class);
            events.add(((DecodeResult.Decoded<CotEvent>) d).value());
        }
        return events;
    }

    /** Collects what is written and counts the writes (each one a syscall on a socket). */
    static final class CountingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
