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
import java.util.Map;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;

/**
 * Writes a {@code vigil-scenario-1} file (bench/tracking/FORMAT.md) scan by scan: the header
 * entries given, the column row, then per scan the truth rows and the detection rows. Positions
 * to the centimetre, as the benchmark generator writes them. A detection's sigma is the square
 * root of the mean of its two position variances (the format has one isotropic sigma). Given a
 * tangent plane, it writes a WGS84 scenario instead: {@code plane=wgs84-deg}, {@code origin} of the
 * plane, rows {@code kind,t,id,lat,lon,sigma} in degrees to 1e-7 (the {@code region} header stays
 * in metres of the plane).
 */
public final class ScenarioWriter implements Closeable {

    private final BufferedWriter out;
    private final LocalTangentPlane plane;

    /** Opens {@code path} and writes the header ({@code format} and {@code plane} first). */
    public ScenarioWriter(Path path, Map<String, String> header) {
        this(path, header, null);
    }

    /** The same in WGS84 on {@code plane} (null: the local plane, metres). */
    public ScenarioWriter(Path path, Map<String, String> header, LocalTangentPlane plane) {
        this.plane = plane;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write("# format=vigil-scenario-1\n");
            if (plane == null) {
                out.write("# plane=local-m\n");
            } else {
                out.write("# plane=" + ScenarioReader.PLANE_WGS84 + "\n");
                out.write(String.format(Locale.ROOT, "# origin=%.9f,%.9f,%.3f\n", plane.originLatitudeDeg(),
                        plane.originLongitudeDeg(), plane.originHeightMetres()));
            }
            for (Map.Entry<String, String> e : header.entrySet()) {
                if (!e.getKey().equals("format") && !e.getKey().equals("plane") && !e.getKey().equals("origin")) {
                    out.write("# " + e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            out.write((plane == null ? ScenarioReader.COLUMNS : ScenarioReader.COLUMNS_WGS84) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes one scan: truth rows {@code (id, x, y)} then the frames' detections. */
    public void scan(double timeSeconds, long[] truthIds, double[] truthX, double[] truthY, Iterable<Frame> frames) {
        String t = TrackWriter.time(timeSeconds);
        try {
            for (int i = 0; i < truthIds.length; i++) {
                out.write("truth," + t + "," + truthIds[i] + "," + position(truthX[i], truthY[i]) + ",\n");
            }
            for (Frame f : frames) {
                for (Detection d : f.detections()) {
                    double sigma = Math.sqrt(0.5 * (d.varianceXxM2() + d.varianceYyM2()));
                    out.write("det," + t + "," + d.sensorId() + "," + position(d.xMetres(), d.yMetres()) + ","
                            + TrackWriter.time(sigma) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String position(double x, double y) {
        if (plane == null) {
            return String.format(Locale.ROOT, "%.2f,%.2f", x, y);
        }
        double[] g = plane.geodeticAtHeight(x, y, plane.originHeightMetres());
        return String.format(Locale.ROOT, "%.7f,%.7f", g[0], g[1]);
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
