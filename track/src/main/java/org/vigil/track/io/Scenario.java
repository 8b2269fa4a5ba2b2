package org.vigil.track.io;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.track.model.Region;

/**
 * A tracking scenario in the {@code vigil-scenario-1} format (bench/tracking/FORMAT.md): header
 * parameters and the scans, with detections grouped into sensor frames and, when the file has
 * them, the truth positions. Local plane, metres, seconds.
 *
 * @param header        every {@code # key=value} header entry, as written
 * @param dtSeconds     scan interval, s
 * @param scans         the scans, k = 0 .. K-1
 * @param hasTruth      whether the file carried truth rows
 */
public record Scenario(Map<String, String> header, double dtSeconds, List<Scan> scans, boolean hasTruth) {

    public Scenario {
        header = Map.copyOf(header);
        scans = List.copyOf(scans);
    }

    /** Total detections. */
    public long detectionCount() {
        long n = 0;
        for (Scan s : scans) {
            n += s.detectionCount();
        }
        return n;
    }

    /** Header value as a number, if present and numeric. */
    public Optional<Double> number(String key) {
        String v = header.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The {@code region} header (xmin, xmax, ymin, ymax), if present. */
    public Optional<Region> region() {
        String v = header.get("region");
        if (v == null) {
            return Optional.empty();
        }
        double[] r = Arrays.stream(v.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        return Optional.of(new Region(r[0], r[1], r[2], r[3]));
    }

    /** The per-sensor {@code sigma_m} values, if present. */
    public Optional<double[]> sensorSigmasMetres() {
        String v = header.get("sigma_m");
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(v.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray());
    }
}
