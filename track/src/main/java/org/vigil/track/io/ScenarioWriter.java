package org.vigil.track.io;

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
 * root of the mean of its two position variances (the format has one isotropic sigma).
 */
public final class ScenarioWriter implements Closeable {

    private final BufferedWriter out;

    /** Opens {@code path} and writes the header ({@code format} and {@code plane} first). */
    public ScenarioWriter(Path path, Map<String, String> header) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write("# format=vigil-scenario-1\n# plane=local-m\n");
            for (Map.Entry<String, String> e : header.entrySet()) {
                if (!e.getKey().equals("format") && !e.getKey().equals("plane")) {
                    out.write("# " + e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            out.write(ScenarioReader.COLUMNS + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes one scan: truth rows {@code (id, x, y)} then the frames' detections. */
    public void scan(double timeSeconds, long[] truthIds, double[] truthX, double[] truthY, Iterable<Frame> frames) {
        String t = TrackWriter.time(timeSeconds);
        try {
            for (int i = 0; i < truthIds.length; i++) {
                out.write(String.format(Locale.ROOT, "truth,%s,%d,%.2f,%.2f,\n", t, truthIds[i], truthX[i], truthY[i]));
            }
            for (Frame f : frames) {
                for (Detection d : f.detections()) {
                    double sigma = Math.sqrt(0.5 * (d.varianceXxM2() + d.varianceYyM2()));
                    out.write(String.format(Locale.ROOT, "det,%s,%d,%.2f,%.2f,%s\n", t, d.sensorId(), d.xMetres(), d.yMetres(),
                            TrackWriter.time(sigma)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
