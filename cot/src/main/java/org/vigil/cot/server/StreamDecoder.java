package org.vigil.cot.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cot.codec.CotXmlDecoder;
import org.vigil.cot.codec.DecodeResult;
import org.vigil.cot.codec.Framed;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.codec.XmlStreamSplitter;

import java.util.List;

/**
 * Turns a streaming connection's bytes into {@link Inbound} messages, one per decode call
 * so that the session can switch it to protobuf exactly after the negotiation response:
 * XML (version 0) until {@link #switchToProtobuf()}, then streaming-framed TAK protocol
 * v1. A framing violation (no {@code </event>} within the limit, a frame longer than the
 * limit, a wrong magic byte) closes this connection only.
 */
final class StreamDecoder extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(StreamDecoder.class);

    private final int maxEventBytes;
    private final XmlStreamSplitter splitter;
    private final CotXmlDecoder xml;
    private final TakProtoCodec proto;
    private final CotCounters counters;
    private boolean protobuf;

    StreamDecoder(int maxEventBytes, CotCounters counters) {
        this.maxEventBytes = maxEventBytes;
        this.splitter = new XmlStreamSplitter(maxEventBytes);
        this.xml = new CotXmlDecoder(maxEventBytes);
        this.proto = new TakProtoCodec(maxEventBytes);
        this.counters = counters;
    }

    /** From the next byte on, frames are TAK protocol v1. */
    void switchToProtobuf() {
        protobuf = true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        Framed f;
        if (protobuf) {
            f = TakFraming.nextStreamFrame(in, maxEventBytes);
        } else {
            XmlStreamSplitter.skipSeparators(in);
            f = XmlStreamSplitter.startsWithTakFraming(in)
                    ? new Framed.Refused("TAK protocol frame before negotiation")
                    : splitter.next(in);
        }
        switch (f) {
            case Framed.Incomplete ignored -> {
            }
            case Framed.Complete(byte[] bytes) -> {
                DecodeResult<org.vigil.cot.event.CotEvent> r = protobuf ? proto.decode(bytes) : xml.decode(bytes);
                out.add(switch (r) {
                    case DecodeResult.Decoded<org.vigil.cot.event.CotEvent> d -> new Inbound.Event(d.value(), protobuf ? bytes : null);
                    case DecodeResult.Rejected<org.vigil.cot.event.CotEvent> rej -> new Inbound.Rejected(rej.reason());
                });
            }
            case Framed.Refused(String reason) -> {
                counters.connectionsClosedForProtocol.increment();
                LOG.info("closing {}: {}", ctx.channel().remoteAddress(), reason);
                in.skipBytes(in.readableBytes());
                ctx.close();
            }
        }
    }
}
