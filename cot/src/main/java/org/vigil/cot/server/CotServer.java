package org.vigil.cot.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import org.vigil.cot.event.CotEvent;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A TAK-compatible Cursor-on-Target server on Netty: TCP streaming, TLS streaming with
 * client certificates and UDP, all sharing one {@link Router}. Each client gets every
 * event of its group in its own encoding (XML or, after negotiation, protobuf).
 */
public final class CotServer implements AutoCloseable {

    /** What the server calls itself in its protocol advertisement. */
    public static final String SERVER_VERSION = "Vigil 0.1.0";
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);

    private final CotServerConfig config;
    private final CotCounters counters = new CotCounters();
    private final Router router;
    private final List<Channel> listeners = new ArrayList<>();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private UdpHandler udp;

    /**
     * Linux's epoll through Netty's native transport where it loads (x86-64 Linux), else Java NIO.
     * With many streaming sensors each read carries a few small events, so the per-read cost of
     * the selector counts: the native transport makes fewer system calls and less garbage per
     * read than NIO's selector. {@code -Dvigil.cot.nio=true} keeps NIO.
     */
    static final boolean EPOLL = !Boolean.getBoolean("vigil.cot.nio") && Epoll.isAvailable();

    private static IoHandlerFactory ioHandlers() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public CotServer(CotServerConfig config) {
        this.config = config;
        this.router = new Router(config.clock());
    }

    /** Binds the listeners; returns the ports actually bound. */
    public synchronized BoundPorts start() throws InterruptedException {
        if (boss != null) {
            throw new IllegalStateException("already started");
        }
        boss = new MultiThreadIoEventLoopGroup(1, ioHandlers());
        workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), ioHandlers());
        try {
            int tcp = config.tcpPort() < 0 ? -1 : bindStream(config.tcpPort(), false);
            int tls = config.tlsPort() < 0 ? -1 : bindStream(config.tlsPort(), true);
            int udpPort = config.udpPort() < 0 ? -1 : bindUdp(config.udpPort());
            workers.next().scheduleAtFixedRate(this::sweep, 10, 10, TimeUnit.SECONDS);
            return new BoundPorts(tcp, tls, udpPort);
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private int bindStream(int port, boolean tls) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!config.idleTimeout().isZero()) {
                            ch.pipeline().addLast("idle", new IdleStateHandler(
                                    config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
                        }
                        if (tls) {
                            SslHandler ssl = config.tls().newHandler(ch.alloc());
                            ssl.setHandshakeTimeoutMillis(10_000);
                            ch.pipeline().addLast("tls", ssl);
                        }
                        ch.pipeline().addLast("decoder", new StreamDecoder(config.maxEventBytes(), counters));
                        ch.pipeline().addLast("session", new StreamSession(router, counters, config.clock(),
                                config.clientQueueCapacity(), tls, SERVER_VERSION));
                    }
                });
        Channel ch = b.bind(new InetSocketAddress(config.bind(), port)).sync().channel();
        listeners.add(ch);
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    private int bindUdp(int port) throws InterruptedException {
        udp = new UdpHandler(router, counters, config.clock(), config.maxEventBytes());
        Bootstrap b = new Bootstrap()
                .group(workers)
                .channel(EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1024 * 1024, 4 * 1024 * 1024))
                .handler(udp);
        Channel ch = b.bind(new InetSocketAddress(config.bind(), port)).sync().channel();
        listeners.add(ch);
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    private void sweep() {
        router.sweepStale();
        if (udp != null) {
            udp.sweepPeers();
        }
    }

    /** Sends an event from the server itself to every client (and remembers it for replay). */
    public void publish(CotEvent event) {
        router.route(new RoutedEvent(event, null, null), null);
    }

    /** Calls {@code listener} with every event a client sends (not pings or protocol control). */
    public void addListener(Consumer<CotEvent> listener) {
        router.addListener(r -> listener.accept(r.event()));
    }

    /** Like {@link #addListener}, with the bytes each event arrived as (see {@link Received}). */
    public void addReceiver(Consumer<Received> receiver) {
        router.addListener(receiver);
    }

    public CotCounters counters() {
        return counters;
    }

    /** Closes the listeners and every connection, waiting up to a few seconds. */
    @Override
    public synchronized void close() {
        for (Channel ch : listeners) {
            ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        listeners.clear();
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        workers = null;
        boss = null;
    }
}
