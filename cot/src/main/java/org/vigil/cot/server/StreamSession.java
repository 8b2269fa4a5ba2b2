package org.vigil.cot.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cot.codec.CotXmlEncoder;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.event.CotEvent;

import java.time.Clock;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streaming client (TCP or TLS). Advertises protocol version 1 on connect, answers
 * pings, switches both directions to protobuf when the client asks, and shares the
 * client's events with its group. Outgoing events wait in a bounded queue: when the
 * client reads too slowly and the queue is full, the oldest position report is dropped
 * (else the oldest event), so a slow client never holds up anyone else.
 */
final class StreamSession extends ChannelInboundHandlerAdapter implements Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

    private final Router router;
    private final CotCounters counters;
    private final Clock clock;
    private final boolean tls;
    private final String serverVersion;
    private final String protoUid = "vigil-takp-" + UUID.randomUUID();
    private final SendQueue queue;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private Channel channel;
    private StreamDecoder decoder;
    private volatile boolean protobufOut;
    private volatile String group = Router.NO_GROUP;
    private boolean active;
    /** Written since the last flush (event loop only). */
    private boolean unflushed;

    StreamSession(Router router, CotCounters counters, Clock clock, int queueCapacity, boolean tls, String serverVersion) {
        this.router = router;
        this.counters = counters;
        this.clock = clock;
        this.queue = new SendQueue(queueCapacity);
        this.tls = tls;
        this.serverVersion = serverVersion;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        decoder = ctx.pipeline().get(StreamDecoder.class);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        counters.connectionsAccepted.increment();
        if (!tls) {
            activate();
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            counters.connectionsClosedIdle.increment();
            LOG.info("closing {}: nothing received within the idle timeout", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        if (evt instanceof SslHandshakeCompletionEvent hs) {
            if (hs.isSuccess()) {
                activate();
            } else {
                counters.tlsHandshakeFailures.increment();
                LOG.info("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(),
                        hs.cause() == null ? "unknown" : hs.cause().getMessage());
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    /** The connection is usable: advertise protobuf, join the default group (which replays it). */
    private void activate() {
        active = true;
        counters.connectionsOpen.incrementAndGet();
        sendNow(ControlEvents.advertise(protoUid, clock.instant(), serverVersion));
        router.join(this, group);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (active) {
            active = false;
            counters.connectionsOpen.decrementAndGet();
            router.leave(this, group);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch ((Inbound) msg) {
            case Inbound.Rejected(String reason) -> {
                counters.eventsRejected.increment();
                LOG.debug("rejected event from {}: {}", ctx.channel().remoteAddress(), reason);
            }
            case Inbound.Event(CotEvent e, byte[] protobuf) -> onEvent(e, protobuf);
        }
    }

    private void onEvent(CotEvent e, byte[] protobuf) {
        counters.eventsReceived.increment();
        switch (e.type()) {
            case ControlEvents.PING -> {
                counters.pingsAnswered.increment();
                sendNow(ControlEvents.pong(clock.instant()));
                return;
            }
            case ControlEvents.REQUEST -> {
                negotiate(e);
                return;
            }
            default -> {
            }
        }
        if (e.isControl()) {
            return;
        }
        if (e.isStaleAt(clock.instant())) {
            counters.eventsStale.increment();
            return;
        }
        String named = e.detail().groupName().orElse(group);
        if (!named.equals(group)) {
            String old = group;
            group = named;
            router.move(this, old, named);
        }
        router.route(new RoutedEvent(e, group, this), protobuf);
    }

    private void negotiate(CotEvent request) {
        if (protobufOut) {
            return;
        }
        OptionalInt version = ControlEvents.requestedVersion(request);
        boolean accept = version.isPresent() && version.getAsInt() == TakFraming.VERSION;
        sendNow(ControlEvents.response(request.uid(), accept, clock.instant()));
        if (accept) {
            protobufOut = true;
            decoder.switchToProtobuf();
            counters.negotiatedProtobuf.increment();
        }
    }

    /** Writes a connection-level event at once, in the current encoding, bypassing the queue. */
    private void sendNow(CotEvent e) {
        byte[] bytes = protobufOut ? TakFraming.streamFrame(new TakProtoCodec().encode(e)) : new CotXmlEncoder().encode(e);
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
    }

    @Override
    public void deliver(RoutedEvent e) {
        if (channel.eventLoop().inEventLoop()) {
            // fanned out from a client on our own event loop: write at once while the socket takes it,
            // since a drain task could not run before that client's whole read is processed
            boolean direct;
            synchronized (queue) {
                direct = queue.isEmpty() && channel.isWritable();
            }
            if (direct) {
                write(e);
                if (!channel.isWritable()) {
                    channel.flush();
                }
                scheduleDrain();
                return;
            }
        }
        synchronized (queue) {
            if (queue.add(e)) {
                counters.droppedSlowClient.increment();
            }
        }
        // A client that is not reading (socket buffer full) gets no drain task per event: when its
        // socket takes data again, channelWritabilityChanged drains the queue. The event is queued
        // before writability is read, so a change in between is seen by one side or the other.
        if (channel.isWritable()) {
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    private void write(RoutedEvent e) {
        channel.write(Unpooled.wrappedBuffer(protobufOut ? e.streamFrame() : e.xml()), channel.voidPromise());
        unflushed = true;
        counters.deliveries.increment();
    }

    /** Writes queued events while the socket takes them, then flushes; resumes on writability. Runs on the event loop. */
    private void drain() {
        drainScheduled.set(false);
        if (!channel.isActive()) {
            synchronized (queue) {
                queue.clear();
            }
            return;
        }
        while (channel.isWritable()) {
            RoutedEvent e;
            synchronized (queue) {
                e = queue.poll();
            }
            if (e == null) {
                break;
            }
            write(e);
        }
        if (unflushed) {
            unflushed = false;
            channel.flush(); // flushing a full socket with nothing new would only cost a failed write
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            drain();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
