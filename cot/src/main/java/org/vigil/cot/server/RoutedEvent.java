package org.vigil.cot.server;

import org.vigil.cot.codec.CotXmlEncoder;
import org.vigil.cot.codec.TakFraming;
import org.vigil.cot.codec.TakProtoCodec;
import org.vigil.cot.event.CotEvent;

/**
 * An event on its way through the server: the event, the group it is shared with
 * ({@code null}: everyone), who sent it ({@code null}: the server itself), and its wire
 * forms, each encoded once on first use and shared by every recipient.
 */
final class RoutedEvent {

    private final CotEvent event;
    private final String group;
    private final Subscriber origin;
    private volatile byte[] xml;
    private volatile byte[] protobuf;
    private volatile byte[] stream;
    private volatile byte[] mesh;

    RoutedEvent(CotEvent event, String group, Subscriber origin) {
        this.event = event;
        this.group = group;
        this.origin = origin;
    }

    CotEvent event() {
        return event;
    }

    String group() {
        return group;
    }

    Subscriber origin() {
        return origin;
    }

    /** Version 0: the XML event with its declaration. */
    byte[] xml() {
        byte[] b = xml;
        if (b == null) {
            b = new CotXmlEncoder().encode(event);
            xml = b;
        }
        return b;
    }

    /** The TAK protocol v1 payload, unframed. */
    byte[] protobuf() {
        byte[] b = protobuf;
        if (b == null) {
            b = new TakProtoCodec().encode(event);
            protobuf = b;
        }
        return b;
    }

    /** Version 1, streaming framing. */
    byte[] streamFrame() {
        byte[] b = stream;
        if (b == null) {
            b = TakFraming.streamFrame(protobuf());
            stream = b;
        }
        return b;
    }

    /** Version 1, mesh framing (one UDP datagram). */
    byte[] meshFrame() {
        byte[] b = mesh;
        if (b == null) {
            b = TakFraming.meshFrame(protobuf());
            mesh = b;
        }
        return b;
    }
}
