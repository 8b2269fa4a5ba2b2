package org.vigil.track.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a track file (bench/tracking/FORMAT.md): header {@code t,track_id,x,y}, then one row
 * per confirmed track per scan, positions in metres to the millimetre.
 */
public final class TrackWriter implements Closeable {

    private final BufferedWriter out;

    public TrackWriter(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write("t,track_id,x,y\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** One row. */
    public void write(double timeSeconds, long trackId, double xMetres, double yMetres) {
        try {
            out.write(time(timeSeconds));
            out.write(',');
            out.write(Long.toString(trackId));
            out.write(',');
            out.write(String.format(Locale.ROOT, "%.3f,%.3f\n", xMetres, yMetres));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A time as a plain decimal with up to nine fractional digits. */
    static String time(double t) {
        return new java.math.BigDecimal(t).setScale(9, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
