package org.vigil.cot.codec;

import io.netty.buffer.ByteBuf;

/**
 * Cuts a version-0 (XML) stream into events: skips whitespace, NUL and other control bytes
 * and a UTF-8 BOM between events, then cuts immediately after the next {@code </event>}.
 * Keeps how far it has searched, so an event dribbled in byte by byte costs linear time.
 * A stream that goes {@code maxEventBytes} without {@code </event>} is refused. One
 * instance per connection; not thread-safe.
 */
public final class XmlStreamSplitter {

    private static final byte[] END = {'<', '/', 'e', 'v', 'e', 'n', 't', '>'};

    private final int maxEventBytes;
    private int searched;

    /** @param maxEventBytes the largest event accepted, in bytes */
    public XmlStreamSplitter(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /** Takes the next event off the head of {@code in}, if it is complete. */
    public Framed next(ByteBuf in) {
        if (searched == 0) {
            skipSeparators(in);
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int from = Math.max(0, searched - (END.length - 1));
        int limit = Math.min(readable, maxEventBytes);
        for (int i = from; i + END.length <= limit; i++) {
            if (matchesEnd(in, start + i)) {
                byte[] event = new byte[i + END.length];
                in.readBytes(event);
                searched = 0;
                return new Framed.Complete(event);
            }
        }
        if (readable >= maxEventBytes) {
            return new Framed.Refused("no </event> within " + maxEventBytes + " bytes");
        }
        searched = readable;
        return Framed.INCOMPLETE;
    }

    /** True when the next byte (after separators) starts TAK framing ({@code 0xbf}) rather than XML. */
    public static boolean startsWithTakFraming(ByteBuf in) {
        return in.isReadable() && in.getByte(in.readerIndex()) == (byte) 0xbf;
    }

    private static boolean matchesEnd(ByteBuf in, int at) {
        for (int j = 0; j < END.length; j++) {
            if (in.getByte(at + j) != END[j]) {
                return false;
            }
        }
        return true;
    }

    /** Drops whitespace, control bytes and UTF-8 BOMs at the head of {@code in}. */
    public static void skipSeparators(ByteBuf in) {
        while (in.isReadable()) {
            int b = in.getByte(in.readerIndex()) & 0xff;
            if (b <= 0x20 || b == 0x7f) {
                in.skipBytes(1);
            } else if (b == 0xef && in.readableBytes() >= 3
                    && (in.getByte(in.readerIndex() + 1) & 0xff) == 0xbb
                    && (in.getByte(in.readerIndex() + 2) & 0xff) == 0xbf) {
                in.skipBytes(3);
            } else {
                return;
            }
        }
    }
}
