package org.vigil.isr.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.isr.model.Assets;
import org.vigil.isr.model.Satellite;
import org.vigil.isr.model.SensorType;
import org.vigil.isr.orbit.TleEntry;
import org.vigil.isr.orbit.TleReader;

/**
 * The imaging satellites: elements from a TLE file, sensors from a catalogue CSV
 * ({@code satnum,name,sensor,swath_km,max_off_nadir_deg,operator}) keyed on the catalogue
 * number. The bundled pair is the Earth-observation sample (see {@code satellites/SOURCES.md}).
 */
public final class SatelliteCatalogue {

    private static final String DIR = "/org/vigil/isr/satellites/";

    record Sensor(String name, SensorType type, double swathKm, double maxOffNadirDeg) {
    }

    private SatelliteCatalogue() {
    }

    public static List<TleEntry> bundledTles() {
        return new TleReader(true).parse(resource("eo-sample.tle"), "bundled eo-sample.tle");
    }

    /** The satellites of the TLE list that the bundled catalogue describes; others are named in the error. */
    public static List<Satellite> satellites(List<TleEntry> tles, Assets assets, String tleSource) {
        Map<Integer, Sensor> sensors = sensors(resource("eo-sample.csv"), "bundled eo-sample.csv");
        List<Satellite> out = new ArrayList<>();
        for (TleEntry e : tles) {
            Sensor s = sensors.get(e.satnum());
            if (s == null) {
                throw new IllegalArgumentException(tleSource + ":" + e.line() + ": satellite " + e.satnum()
                        + " is not in the sensor catalogue (eo-sample.csv has " + sensors.keySet().stream().sorted().toList() + ")");
            }
            out.add(new Satellite(e, e.name().isBlank() ? s.name() : e.name(), s.type(), s.swathKm() * 1000, s.maxOffNadirDeg(),
                    assets.tasksPerPass().get(s.type())));
        }
        return List.copyOf(out);
    }

    static Map<Integer, Sensor> sensors(String csv, String source) {
        Map<Integer, Sensor> out = new HashMap<>();
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = splitCsv(lines[i]);
            try {
                out.put(Integer.parseInt(f.get(0).trim()), new Sensor(f.get(1), SensorType.valueOf(f.get(2).trim().toUpperCase(Locale.ROOT)),
                        Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not satnum,name,sensor,swath_km,max_off_nadir_deg,operator");
            }
        }
        return out;
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = SatelliteCatalogue.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("bundled " + name + ": " + e.getMessage(), e);
        }
    }

    public static List<TleEntry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--tle: " + file + ": no such file");
        }
        return new TleReader(true).read(file);
    }
}
