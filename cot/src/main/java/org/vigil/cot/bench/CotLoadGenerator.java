package org.vigil.cot.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.vigil.cot.codec.CotXmlDecoder;
import org.vigil.cot.codec.CotXmlEncoder;
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
import org.vigil.cot.server.ControlEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Simulated TAK clients for load runs: each connects to the server's TCP streaming port,
 * optionally negotiates protobuf, joins its team ({@code __group} "bench-K", teams of
 * {@code groupSize}) and reports its position {@code rateHz} times a second for the run.
 * Clients report for a 3 s warm-up before the measured {@code duration}. Every event
 * carries its send time ({@code <vigilbench ns="..."/>}, monotonic nanoseconds);
 * receivers read only that stamp (after the connection is set up) and measure delivery latency from it.
 */
public final class CotLoadGenerator {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** Reporting before measurement starts, so the JIT has compiled the hot paths of both sides. */
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofSeconds(3);

    private final BenchConfig config;
    private final LongAdder sent = new LongAdder();
    private final LongAdder expected = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final Latencies latencies = new Latencies();
    private volatile long measureFromNanos = Long.MAX_VALUE;

    public CotLoadGenerator(BenchConfig config) {
        this.config = config;
    }

    /** Runs the load and returns what it measured; blocks for about the run's duration plus a few seconds. */
    public BenchResult run() throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            List<SimulatedClient> clients = connectAll(group);
            for (SimulatedClient c : clients) {
                c.channel.writeAndFlush(Unpooled.wrappedBuffer(c.encode(c.position(0))));
            }
            Thread.sleep(SETTLE.toMillis());
            long start = System.nanoTime();
            measureFromNanos = start + WARM_UP.toNanos();
            long periodNanos = (long) (1e9 / config.rateHz());
            long endNanos = measureFromNanos + config.duration().toNanos();
            for (SimulatedClient c : clients) {
                long phase = ThreadLocalRandom.current().nextLong(periodNanos);
                c.channel.eventLoop().scheduleAtFixedRate(() -> c.report(endNanos), phase, periodNanos, TimeUnit.NANOSECONDS);
            }
            Thread.sleep((WARM_UP.plus(config.duration())).toMillis());
            waitForDeliveries();
            double seconds = config.duration().toNanos() / 1e9;
            long dropped = clients.stream().filter(c -> !c.channel.isActive()).count();
            for (SimulatedClient c : clients) {
                c.channel.close();
            }
            if (dropped > 0) {
                // a run with connections the server closed measures nothing meaningful (and could report zeros)
                throw new IllegalStateException(dropped + " of " + clients.size()
                        + " clients were disconnected by the server during the run; see the server's log");
            }
            long[] sorted = latencies.sorted();
            long lost = Math.max(0, expected.sum() - received.sum());
            return new BenchResult(sent.sum(), sent.sum() / seconds, expected.sum(), received.sum(),
                    received.sum() / seconds, percentileMs(sorted, 0.50), percentileMs(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, lost);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Waits for deliveries in flight: until all arrived, or none arrived for {@link #DRAIN}, or a minute passed. */
    private void waitForDeliveries() throws InterruptedException {
        long hardDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long lastProgress = System.nanoTime();
        long seen = received.sum();
        while (received.sum() < expected.sum() && System.nanoTime() < hardDeadline
                && System.nanoTime() - lastProgress < DRAIN.toNanos()) {
            Thread.sleep(50);
            long now = received.sum();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
        }
    }

    private List<SimulatedClient> connectAll(EventLoopGroup group) throws InterruptedException {
        List<SimulatedClient> clients = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(config.clients());
        int teams = (config.clients() + config.groupSize() - 1) / config.groupSize();
        for (int i = 0; i < config.clients(); i++) {
            int team = i / config.groupSize();
            int teamSize = team == teams - 1 ? config.clients() - team * config.groupSize() : config.groupSize();
            SimulatedClient c = new SimulatedClient("bench-" + i, "bench-" + team, teamSize, ready);
            Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(c);
                        }
                    });
            try {
                c.channel = b.connect(config.host(), config.port()).sync().channel();
            } catch (Exception e) {
                throw new IllegalStateException("cannot connect client " + i + " to " + config.host() + ":" + config.port()
                        + ": " + e.getMessage(), e);
            }
            clients.add(c);
        }
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients did not become ready (advertisement/negotiation) within 30 s");
        }
        return clients;
    }

    private static double percentileMs(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** One connection: decodes what arrives (XML, then protobuf after an accepted negotiation). */
    private final class SimulatedClient extends ByteToMessageDecoder {

        private final String uid;
        private final String team;
        private final int teamSize;
        private final CountDownLatch ready;
        private final XmlStreamSplitter splitter = new XmlStreamSplitter(CotXmlDecoder.DEFAULT_MAX_EVENT_BYTES);
        private final CotXmlDecoder xml = new CotXmlDecoder();
        private final TakProtoCodec proto = new TakProtoCodec();
        private final CotXmlEncoder xmlOut = new CotXmlEncoder();
        private final AtomicLong seq = new AtomicLong();
        private Channel channel;
        private boolean protobuf;
        private boolean isReady;

        SimulatedClient(String uid, String team, int teamSize, CountDownLatch ready) {
            this.uid = uid;
            this.team = team;
            this.teamSize = teamSize;
            this.ready = ready;
        }

        CotEvent position(long sentNanos) {
            Instant now = Instant.now();
            long n = seq.incrementAndGet();
            return CotEvent.of(uid, "a-f-G-U-C", "m-g", now, now.plus(Duration.ofMinutes(2)),
                    new CotPoint(48 + (n % 1000) * 1e-4, 30 + (n % 777) * 1e-4, 150, 5, CotPoint.UNKNOWN),
                    new Detail(List.of(
                            XmlElement.empty("contact", List.of(new XmlAttribute("callsign", uid),
                                    new XmlAttribute("endpoint", "*:-1:stcp"))),
                            XmlElement.empty("__group", List.of(new XmlAttribute("name", team),
                                    new XmlAttribute("role", "Team Member"))),
                            XmlElement.empty("track", List.of(new XmlAttribute("speed", "1.5"), new XmlAttribute("course", "90.0"))),
                            XmlElement.empty("vigilbench", List.of(new XmlAttribute("ns", Long.toString(sentNanos)))))));
        }

        byte[] encode(CotEvent e) {
            return protobuf ? TakFraming.streamFrame(proto.encode(e)) : xmlOut.encode(e);
        }

        void report(long endNanos) {
            long now = System.nanoTime();
            if (now >= endNanos || !channel.isActive()) {
                return;
            }
            channel.writeAndFlush(Unpooled.wrappedBuffer(encode(position(now))), channel.voidPromise());
            if (now >= measureFromNanos) {
                sent.increment();
                expected.add(teamSize - 1);
            }
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            Framed f = protobuf ? TakFraming.nextStreamFrame(in, CotXmlDecoder.DEFAULT_MAX_EVENT_BYTES) : splitter.next(in);
            if (f instanceof Framed.Refused r) {
                throw new IllegalStateException("server broke framing: " + r.reason());
            }
            if (!(f instanceof Framed.Complete c)) {
                return;
            }
            if (isReady) {
                // the run itself: only the send stamp is read (a full parse per delivery would make the
                // clients, not the server, the bottleneck on a small machine); framing is still checked
                long sentAt = stamp(c.bytes());
                if (sentAt >= measureFromNanos) {
                    received.increment();
                    latencies.add(System.nanoTime() - sentAt);
                }
                return;
            }
            DecodeResult<CotEvent> d = protobuf ? proto.decode(c.bytes()) : xml.decode(c.bytes());
            if (!(d instanceof DecodeResult.Decoded<CotEvent> ok)) {
                return;
            }
            CotEvent e = ok.value();
            switch (e.type()) {
                case ControlEvents.ADVERTISE -> {
                    if (config.protobuf()) {
                        ctx.writeAndFlush(Unpooled.wrappedBuffer(xmlOut.encode(ControlEvents.request(e.uid(), 1, Instant.now()))));
                    } else {
                        markReady();
                    }
                }
                case ControlEvents.RESPONSE -> {
                    protobuf = ControlEvents.responseAccepted(e);
                    markReady();
                }
                default -> {
                }
            }
        }

        private void markReady() {
            if (!isReady) {
                isReady = true;
                ready.countDown();
            }
        }
    }

    private static final byte[] STAMP = "<vigilbench ns=\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The send stamp in an encoded event (XML, or protobuf whose xmlDetail carries it), or -1. */
    static long stamp(byte[] b) {
        outer:
        for (int i = 0; i + STAMP.length < b.length; i++) {
            for (int j = 0; j < STAMP.length; j++) {
                if (b[i + j] != STAMP[j]) {
                    continue outer;
                }
            }
            long v = 0;
            for (int k = i + STAMP.length; k < b.length && b[k] >= '0' && b[k] <= '9'; k++) {
                v = v * 10 + (b[k] - '0');
            }
            return v;
        }
        return -1;
    }

    /** A growing array of nanosecond latencies. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
