package org.vigil.cot.codec;

import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;

/**
 * TAK protocol framings (tak-protocol.md section 3). Streaming (TCP/TLS after
 * negotiation): {@code 0xbf, varint(payload length), payload}. Mesh (UDP datagram,
 * one-shot TCP): {@code 0xbf, varint(version), 0xbf, payload to the end}.
 */
public final class TakFraming {

    /** The magic byte that starts every TAK protocol header. */
    public static final byte MAGIC = (byte) 0xbf;
    /** The protocol version this codebase speaks. */
    public static final int VERSION = 1;
    private static final int MAX_VARINT_BYTES = 10;

    private TakFraming() {
    }

    /** {@code 0xbf varint(length) payload}. */
    public static byte[] streamFrame(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 6);
        out.write(MAGIC);
        writeVarint(out, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** {@code 0xbf 0x01 0xbf payload}. */
    public static byte[] meshFrame(byte[] payload) {
        byte[] out = new byte[payload.length + 3];
        out[0] = MAGIC;
        out[1] = VERSION;
        out[2] = MAGIC;
        System.arraycopy(payload, 0, out, 3, payload.length);
        return out;
    }

    /** Protobuf's unsigned varint: 7 bits at a time, least significant group first. */
    public static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /**
     * Takes one streaming frame off the head of {@code in}. Refuses a first byte other than
     * 0xbf, a varint longer than 10 bytes and a length above {@code maxPayloadBytes} before
     * allocating anything; leaves {@code in} untouched when the frame is incomplete.
     */
    public static Framed nextStreamFrame(ByteBuf in, int maxPayloadBytes) {
        if (!in.isReadable()) {
            return Framed.INCOMPLETE;
        }
        int at = in.readerIndex();
        byte first = in.getByte(at);
        if (first != MAGIC) {
            return new Framed.Refused(String.format("expected TAK frame start 0xbf, got 0x%02x", first & 0xff));
        }
        long length = 0;
        int shift = 0;
        int i = 1;
        while (true) {
            if (i > MAX_VARINT_BYTES) {
                return new Framed.Refused("frame length varint longer than 10 bytes");
            }
            if (i >= in.readableBytes()) {
                return Framed.INCOMPLETE;
            }
            int b = in.getByte(at + i) & 0xff;
            i++;
            if (shift < 64) {
                length |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                break;
            }
            if (length > maxPayloadBytes || length < 0) {
                return new Framed.Refused("frame length exceeds the limit of " + maxPayloadBytes + " bytes");
            }
        }
        if (length > maxPayloadBytes || length < 0) {
            return new Framed.Refused("frame of " + Long.toUnsignedString(length)
                    + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        if (in.readableBytes() - i < length) {
            return Framed.INCOMPLETE;
        }
        in.skipBytes(i);
        byte[] payload = new byte[(int) length];
        in.readBytes(payload);
        return new Framed.Complete(payload);
    }

    /**
     * The payload of a mesh-framed datagram ({@code bf 01 bf ...}); refuses other versions
     * and broken headers.
     */
    public static DecodeResult<byte[]> unwrapMesh(byte[] datagram) {
        if (datagram.length < 3 || datagram[0] != MAGIC) {
            return DecodeResult.rejected("not a TAK mesh frame (expected 0xbf header)");
        }
        long version = 0;
        int shift = 0;
        int i = 1;
        while (true) {
            if (i >= datagram.length || i > MAX_VARINT_BYTES) {
                return DecodeResult.rejected("truncated mesh header");
            }
            int b = datagram[i++] & 0xff;
            if (shift < 64) {
                version |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (i >= datagram.length || datagram[i] != MAGIC) {
            return DecodeResult.rejected("mesh header lacks its second 0xbf");
        }
        if (version != VERSION) {
            return DecodeResult.rejected("unsupported TAK protocol version " + Long.toUnsignedString(version));
        }
        byte[] payload = new byte[datagram.length - i - 1];
        System.arraycopy(datagram, i + 1, payload, 0, payload.length);
        return DecodeResult.decoded(payload);
    }
}
