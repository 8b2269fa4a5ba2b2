package org.vigil.cot.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/**
 * A UDP sender the server has heard from: it receives its group's events by unicast, one
 * per datagram, as bare XML or mesh-framed protobuf, whichever it last sent. Forgotten
 * after two minutes of silence. A datagram that the socket cannot take at once is dropped
 * and counted (UDP has no back-pressure to give).
 */
final class UdpPeer implements Subscriber {

    private final Channel channel;
    private final InetSocketAddress address;
    private final CotCounters counters;
    private volatile boolean protobuf;
    private volatile String group = Router.NO_GROUP;
    private volatile long lastHeardNanos;

    UdpPeer(Channel channel, InetSocketAddress address, CotCounters counters) {
        this.channel = channel;
        this.address = address;
        this.counters = counters;
    }

    void heard(boolean protobuf, long nowNanos) {
        this.protobuf = protobuf;
        this.lastHeardNanos = nowNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    String group() {
        return group;
    }

    void group(String group) {
        this.group = group;
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void deliver(RoutedEvent e) {
        if (!channel.isActive() || !channel.isWritable()) {
            counters.droppedUdp.increment();
            return;
        }
        byte[] bytes = protobuf ? e.meshFrame() : e.xml();
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), address), channel.voidPromise());
        counters.deliveries.increment();
    }
}
