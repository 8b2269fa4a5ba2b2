package org.vigil.cot.codec;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of decoding untrusted bytes: a value, or a rejection with a reason a
 * person can read. Decoders return this instead of throwing.
 *
 * @param <T> the decoded value
 */
public sealed interface DecodeResult<T> permits DecodeResult.Decoded, DecodeResult.Rejected {

    /** Decoding succeeded. */
    record Decoded<T>(T value) implements DecodeResult<T> {
        public Decoded {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused; {@code reason} says why (one line). */
    record Rejected<T>(String reason) implements DecodeResult<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> DecodeResult<T> decoded(T value) {
        return new Decoded<>(value);
    }

    static <T> DecodeResult<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    /** The value, or an {@link IllegalArgumentException} carrying the rejection reason. */
    default T orElseThrow() {
        return switch (this) {
            case Decoded<T> d -> d.value();
            case Rejected<T> r -> throw new IllegalArgumentException(r.reason());
        };
    }

    default <U> DecodeResult<U> map(Function<T, U> f) {
        return switch (this) {
            case Decoded<T> d -> new Decoded<>(f.apply(d.value()));
            case Rejected<T> r -> new Rejected<>(r.reason());
        };
    }
}
