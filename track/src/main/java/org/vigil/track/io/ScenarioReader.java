package org.vigil.track.io;

import org.vigil.track.geo.LocalTangentPlane;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.track.metric.PlanarPoints;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;

/**
 * Reads a {@code vigil-scenario-1} file (bench/tracking/FORMAT.md). Strict: any malformed line
 * fails with a {@link ScenarioFileException} naming the file, line and reason. Unknown header
 * keys and other comment lines are ignored, as the format requires.
 *
 * <p>Frames: the detections of one scan are grouped by sensor. With {@code sensor_mode=all} and a
 * {@code sigma_m} list, every listed sensor gets a frame at every scan (empty when it saw nothing);
 * with {@code sensor_mode=rr}, scan k belongs to sensor {@code k mod sensors + 1}. Otherwise a scan
 * without detections becomes one empty frame of sensor 0, so the tracker still sees the miss.
 */
public final class ScenarioReader {

    /** Column header row of the format. */
    public static final String COLUMNS = "kind,t,id,x,y,sigma";
    /** Column header row of a WGS84 scenario ({@code plane=wgs84-deg}): latitude and longitude in degrees. */
    public static final String COLUMNS_WGS84 = "kind,t,id,lat,lon,sigma";
    /** The {@code plane} value of a WGS84 scenario. */
    public static final String PLANE_WGS84 = "wgs84-deg";
    /** Tolerance of scan times, s (as score.py). */
    private static final double TIME_TOLERANCE = 1e-6;

    private ScenarioReader() {
    }

    /** Reads the file at {@code path}. */
    public static Scenario read(Path path) {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in, path);
        } catch (NoSuchFileException e) {
            throw new ScenarioFileException(path, 0, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ScenarioFileException(path, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    /** Reads from {@code in}; {@code name} is used in error messages. */
    public static Scenario read(BufferedReader in, Path name) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Integer> headerLine = new HashMap<>();
        String line;
        int lineNo = 0;
        boolean columns = false;
        Layout layout = null;
        List<List<Detection>> dets = null;
        List<DoubleList> truthX = null;
        List<DoubleList> truthY = null;
        boolean hasTruth = false;
        double lastT = Double.NEGATIVE_INFINITY;
        boolean detSeenAtLastT = false;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#")) {
                String body = line.substring(1).trim();
                int eq = body.indexOf('=');
                if (eq > 0) {
                    header.put(body.substring(0, eq).trim(), body.substring(eq + 1).trim());
                    headerLine.put(body.substring(0, eq).trim(), lineNo);
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!columns) {
                layout = Layout.of(header, headerLine, name);
                String expected = layout.plane == null ? COLUMNS : COLUMNS_WGS84;
                if (!line.trim().equals(expected)) {
                    throw new ScenarioFileException(name, lineNo, "expected the column header '" + expected + "', found '" + abbreviate(line) + "'");
                }
                columns = true;
                dets = new ArrayList<>(layout.scans);
                truthX = new ArrayList<>(layout.scans);
                truthY = new ArrayList<>(layout.scans);
                for (int k = 0; k < layout.scans; k++) {
                    dets.add(new ArrayList<>());
                    truthX.add(new DoubleList());
                    truthY.add(new DoubleList());
                }
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new ScenarioFileException(name, lineNo, "expected 6 comma-separated fields (" + COLUMNS + "), found " + f.length);
            }
            String kind = f[0];
            boolean truth = kind.equals("truth");
            if (!truth && !kind.equals("det")) {
                throw new ScenarioFileException(name, lineNo, "kind must be 'truth' or 'det', found '" + abbreviate(kind) + "'");
            }
            double t = number(f[1], "t", name, lineNo);
            int k = (int) Math.round(t / layout.dt);
            if (Math.abs(t - k * layout.dt) > TIME_TOLERANCE * Math.max(1.0, layout.dt) || k < 0 || k >= layout.scans) {
                throw new ScenarioFileException(name, lineNo, "t=" + f[1] + " is not a scan time k*dt with 0 <= k < " + layout.scans);
            }
            if (t < lastT) {
                throw new ScenarioFileException(name, lineNo, "rows are not sorted by t (" + f[1] + " after " + lastT + ")");
            }
            if (t > lastT) {
                detSeenAtLastT = false;
            }
            lastT = t;
            int id = integer(f[2], truth ? "target id" : "sensor id", name, lineNo);
            double x, y;
            if (layout.plane == null) {
                x = number(f[3], "x", name, lineNo);
                y = number(f[4], "y", name, lineNo);
            } else {
                double lat = number(f[3], "lat", name, lineNo), lon = number(f[4], "lon", name, lineNo);
                if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
                    throw new ScenarioFileException(name, lineNo, "lat/lon out of range: " + f[3] + ", " + f[4]);
                }
                double[] enu = layout.plane.enu(lat, lon, layout.plane.originHeightMetres());
                x = enu[0];
                y = enu[1];
            }
            if (truth) {
                if (detSeenAtLastT) {
                    throw new ScenarioFileException(name, lineNo, "truth row after det rows at the same t");
                }
                if (!f[5].isEmpty()) {
                    throw new ScenarioFileException(name, lineNo, "truth rows have an empty sigma field");
                }
                truthX.get(k).add(x);
                truthY.get(k).add(y);
                hasTruth = true;
            } else {
                detSeenAtLastT = true;
                double sigma = number(f[5], "sigma", name, lineNo);
                if (!(sigma > 0)) {
                    throw new ScenarioFileException(name, lineNo, "sigma must be positive, found " + f[5]);
                }
                if (id < 0) {
                    throw new ScenarioFileException(name, lineNo, "sensor id must be non-negative, found " + id);
                }
                dets.get(k).add(Detection.position(k * layout.dt, id, x, y, sigma));
            }
        }
        if (!columns) {
            throw new ScenarioFileException(name, lineNo, "no column header '" + COLUMNS + "' (empty or truncated file)");
        }
        List<Scan> scans = new ArrayList<>(layout.scans);
        for (int k = 0; k < layout.scans; k++) {
            double t = k * layout.dt;
            scans.add(new Scan(k, t, frames(layout, k, t, dets.get(k)),
                    new PlanarPoints(truthX.get(k).toArray(), truthY.get(k).toArray())));
        }
        return new Scenario(header, layout.dt, scans, hasTruth);
    }

    private static List<Frame> frames(Layout layout, int k, double t, List<Detection> detections) {
        TreeMap<Integer, List<Detection>> bySensor = new TreeMap<>();
        if (layout.sensors > 0 && layout.allSensors) {
            for (int s = 1; s <= layout.sensors; s++) {
                bySensor.put(s, new ArrayList<>());
            }
        } else if (layout.sensors > 0 && layout.roundRobin) {
            bySensor.put(k % layout.sensors + 1, new ArrayList<>());
        }
        for (Detection d : detections) {
            bySensor.computeIfAbsent(d.sensorId(), s -> new ArrayList<>()).add(d);
        }
        if (bySensor.isEmpty()) {
            bySensor.put(0, List.of());
        }
        List<Frame> frames = new ArrayList<>(bySensor.size());
        bySensor.forEach((sensor, ds) -> frames.add(new Frame(t, sensor, ds)));
        return frames;
    }

    /** What the header says about scan times and sensors. */
    private record Layout(double dt, int scans, int sensors, boolean allSensors, boolean roundRobin,
                          LocalTangentPlane plane) {

        static Layout of(Map<String, String> header, Map<String, Integer> lines, Path name) {
            String format = header.get("format");
            if (format != null && !format.equals("vigil-scenario-1")) {
                throw new ScenarioFileException(name, lines.get("format"), "unsupported format '" + format + "' (expected vigil-scenario-1)");
            }
            String plane = header.get("plane");
            if (plane != null && !plane.equals("local-m") && !plane.equals(PLANE_WGS84)) {
                throw new ScenarioFileException(name, lines.get("plane"), "unsupported plane '" + plane + "' (expected local-m or "
                        + PLANE_WGS84 + ")");
            }
            LocalTangentPlane tangent = null;
            if (PLANE_WGS84.equals(plane)) {
                try {
                    tangent = Scenario.tangentPlane(header.get("origin")).orElseThrow(IllegalArgumentException::new);
                } catch (IllegalArgumentException e) {
                    throw new ScenarioFileException(name, lines.getOrDefault("origin", lines.get("plane")),
                            "a " + PLANE_WGS84 + " scenario needs '# origin=lat,lon,height' (degrees, degrees, m), found '"
                                    + header.get("origin") + "'");
                }
            }
            double dt = required(header, lines, "dt", name);
            double duration = required(header, lines, "duration", name);
            if (!(dt > 0) || !(duration > 0)) {
                throw new ScenarioFileException(name, lines.get(dt > 0 ? "duration" : "dt"), "dt and duration must be positive");
            }
            long scans = Math.round(duration / dt);
            if (scans > 50_000_000) {
                throw new ScenarioFileException(name, lines.get("duration"), "too many scans: " + scans);
            }
            int sensors = 0;
            String sigma = header.get("sigma_m");
            if (sigma != null) {
                for (String s : sigma.split(",")) {
                    try {
                        if (!(Double.parseDouble(s.trim()) > 0)) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new ScenarioFileException(name, lines.get("sigma_m"), "sigma_m must be a comma list of positive numbers, found '" + sigma + "'");
                    }
                    sensors++;
                }
            }
            String region = header.get("region");
            if (region != null) {
                String[] r = region.split(",");
                String bad = "region must be xmin,xmax,ymin,ymax with min < max, found '" + region + "'";
                if (r.length != 4) {
                    throw new ScenarioFileException(name, lines.get("region"), bad);
                }
                try {
                    double x0 = Double.parseDouble(r[0].trim()), x1 = Double.parseDouble(r[1].trim());
                    double y0 = Double.parseDouble(r[2].trim()), y1 = Double.parseDouble(r[3].trim());
                    if (!(x1 > x0) || !(y1 > y0)) {
                        throw new ScenarioFileException(name, lines.get("region"), bad);
                    }
                } catch (NumberFormatException e) {
                    throw new ScenarioFileException(name, lines.get("region"), bad);
                }
            }
            for (String key : List.of("pd", "clutter_rate", "q")) {
                if (header.containsKey(key)) {
                    required(header, lines, key, name);
                }
            }
            String mode = header.getOrDefault("sensor_mode", "");
            return new Layout(dt, (int) scans, sensors, mode.equals("all"), mode.equals("rr"), tangent);
        }

        private static double required(Map<String, String> header, Map<String, Integer> lines, String key, Path name) {
            String v = header.get(key);
            if (v == null) {
                throw new ScenarioFileException(name, 0, "header has no '# " + key + "=...' line");
            }
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new ScenarioFileException(name, lines.get(key), key + " must be a number, found '" + abbreviate(v) + "'");
            }
        }
    }

    private static double number(String s, String field, Path name, int line) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ScenarioFileException(name, line, field + " must be a finite number, found '" + abbreviate(s) + "'");
        }
    }

    private static int integer(String s, String field, Path name, int line) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ScenarioFileException(name, line, field + " must be an integer, found '" + abbreviate(s) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static final class DoubleList {
        private double[] data = new double[8];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
