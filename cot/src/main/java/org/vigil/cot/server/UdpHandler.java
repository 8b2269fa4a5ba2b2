package org.vigil.cot.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cot.codec.CotXmlDecoder;
import org.vigil.cot.codec.DecodeResult;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.codec.XmlStreamSplitter;
import org.vigil.cot.event.CotEvent;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The UDP input: one event per datagram, bare XML or mesh-framed protobuf (told apart by
 * the first byte). Each sender becomes a {@link UdpPeer} of its group. A
 * {@code TakMessage} carrying only {@code takControl} is accepted and ignored.
 */
final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(UdpHandler.class);
    private static final long PEER_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(2);

    private final Router router;
    private final CotCounters counters;
    private final Clock clock;
    private final CotXmlDecoder xml;
    private final TakProtoCodec proto;
    private final Map<InetSocketAddress, UdpPeer> peers = new ConcurrentHashMap<>();

    UdpHandler(Router router, CotCounters counters, Clock clock, int maxEventBytes) {
        this.router = router;
        this.counters = counters;
        this.clock = clock;
        this.xml = new CotXmlDecoder(maxEventBytes);
        this.proto = new TakProtoCodec(maxEventBytes);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        XmlStreamSplitter.skipSeparators(content);
        if (!content.isReadable()) {
            return;
        }
        boolean protobuf = XmlStreamSplitter.startsWithTakFraming(content);
        byte[] bytes = new byte[content.readableBytes()];
        content.readBytes(bytes);
        DecodeResult<CotEvent> r;
        byte[] payloadBytes = null;
        if (protobuf) {
            DecodeResult<byte[]> payload = TakFraming.unwrapMesh(bytes);
            if (payload instanceof DecodeResult.Decoded<byte[]> d) {
                payloadBytes = d.value();
            }
            r = switch (payload) {
                case DecodeResult.Rejected<byte[]> rej -> DecodeResult.rejected(rej.reason());
                case DecodeResult.Decoded<byte[]> d -> proto.decode(d.value());
            };
        } else {
            r = xml.decode(bytes);
        }
        if (r instanceof DecodeResult.Rejected<CotEvent> rej) {
            if (!rej.reason().equals(TakProtoCodec.NO_EVENT)) {
                counters.eventsRejected.increment();
                LOG.debug("rejected datagram from {}: {}", packet.sender(), rej.reason());
            }
            return;
        }
        UdpPeer peer = peers.computeIfAbsent(packet.sender(), a -> {
            UdpPeer p = new UdpPeer(ctx.channel(), a, counters);
            router.join(p, Router.NO_GROUP);
            return p;
        });
        peer.heard(protobuf, System.nanoTime());
        onEvent(peer, ((DecodeResult.Decoded<CotEvent>) r).value(), payloadBytes);
    }

    private void onEvent(UdpPeer peer, CotEvent e, byte[] protobuf) {
        counters.eventsReceived.increment();
        if (e.isControl()) {
            return;
        }
        if (e.isStaleAt(clock.instant())) {
            counters.eventsStale.increment();
            return;
        }
        String named = e.detail().groupName().orElse(peer.group());
        if (!named.equals(peer.group())) {
            String old = peer.group();
            peer.group(named);
            router.move(peer, old, named);
        }
        router.route(new RoutedEvent(e, peer.group(), peer), protobuf);
    }

    /** Forgets peers silent for two minutes. */
    void sweepPeers() {
        long now = System.nanoTime();
        peers.values().removeIf(p -> {
            if (now - p.lastHeardNanos() > PEER_TIMEOUT_NANOS) {
                router.leave(p, p.group());
                return true;
            }
            return false;
        });
    }
}
