package org.vigil.cot.codec;

import java.util.Objects;

/**
 * What a stream framer found at the head of its buffer: one complete message, not enough
 * bytes yet, or a violation after which the connection must be closed.
 */
public sealed interface Framed permits Framed.Complete, Framed.Incomplete, Framed.Refused {

    /** One message's bytes, removed from the buffer. */
    record Complete(byte[] bytes) implements Framed {
        public Complete {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** More bytes are needed; nothing was lost. */
    record Incomplete() implements Framed {
    }

    /** The stream broke the framing or a limit; {@code reason} says how. Close the connection. */
    record Refused(String reason) implements Framed {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    Framed INCOMPLETE = new Incomplete();
}
