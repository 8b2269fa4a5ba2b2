package org.vigil.track.io;

import org.vigil.track.geo.LocalTangentPlane;

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
 * per confirmed track per scan, positions in metres to the millimetre; or, for a WGS84 scenario,
 * header {@code t,track_id,lat,lon} with degrees to 1e-7 (about a centimetre).
 */
public final class TrackWriter implements Closeable {

    private final BufferedWriter out;
    private final LocalTangentPlane plane;

    public TrackWriter(Path path) {
        this(path, null);
    }

    /** A writer that turns plane positions into latitude and longitude on {@code plane} (none: metres). */
    public TrackWriter(Path path, LocalTangentPlane plane) {
        this.plane = plane;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write(plane == null ? "t,track_id,x,y\n" : "t,track_id,lat,lon\n");
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
            if (plane == null) {
                out.write(String.format(Locale.ROOT, "%.3f,%.3f\n", xMetres, yMetres));
            } else {
                double[] g = plane.geodeticAtHeight(xMetres, yMetres, plane.originHeightMetres());
                out.write(String.format(Locale.ROOT, "%.7f,%.7f\n", g[0], g[1]));
            }
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
