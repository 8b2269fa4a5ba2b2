package org.vigil.cot.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The golden samples in {@code src/test/resources/tak-samples} (copied from shared/spec/samples). */
final class Samples {

    static final List<String> NAMES = List.of("friendly-unit", "hostile-vehicle", "drone", "emergency-alert", "ping");

    private Samples() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Samples.class.getResourceAsStream("/tak-samples/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
