package org.vigil.track.io;

import org.vigil.track.geo.LocalTangentPlane;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.track.model.Region;

/**
 * A tracking scenario in the {@code vigil-scenario-1} format (bench/tracking/FORMAT.md): header
 * parameters and the scans, with detections grouped into sensor frames and, when the file has
 * them, the truth positions. Local plane, metres, seconds: a WGS84 scenario
 * ({@code plane=wgs84-deg}, rows in latitude and longitude) is read into the tangent plane at its
 * {@code origin}, and {@link #tangentPlane()} gives that plane to write results back in WGS84.
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

    /** For a WGS84 scenario, the tangent plane its rows were read into (x east, y north at {@code origin}). */
    public Optional<LocalTangentPlane> tangentPlane() {
        return ScenarioReader.PLANE_WGS84.equals(header.get("plane")) ? tangentPlane(header.get("origin")) : Optional.empty();
    }

    /** The plane at an {@code origin} header value {@code lat,lon,height}; empty when absent or malformed. */
    static Optional<LocalTangentPlane> tangentPlane(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        String[] o = origin.split(",");
        if (o.length != 3) {
            return Optional.empty();
        }
        try {
            double lat = Double.parseDouble(o[0].trim()), lon = Double.parseDouble(o[1].trim()), h = Double.parseDouble(o[2].trim());
            if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180) || !Double.isFinite(h)) {
                return Optional.empty();
            }
            return Optional.of(new LocalTangentPlane(lat, lon, h));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
