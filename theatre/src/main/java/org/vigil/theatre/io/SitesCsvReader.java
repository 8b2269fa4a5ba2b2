package org.vigil.theatre.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.site.Control;
import org.vigil.theatre.site.Site;
import org.vigil.theatre.site.SiteKind;

/**
 * Reads {@code sites.csv}: header {@code id,name,kind,lat,lon,oblast,control,population,capacity_mw,note}
 * (columns in any order; {@code population}, {@code capacity_mw} and {@code note} may be left out).
 * Fields hold no commas, so there is no quoting (the bundled file's convention). Every
 * error names the line and the field.
 */
final class SitesCsvReader {

    static final List<String> REQUIRED = List.of("id", "name", "kind", "lat", "lon", "oblast", "control");
    static final List<String> OPTIONAL = List.of("population", "capacity_mw", "note");

    private SitesCsvReader() {
    }

    /** A site and the line it came from, so later checks (e.g. which side of the line) can name it. */
    record Row(Site site, int line) {
    }

    static List<Row> read(InputStream in, String file) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || header.isBlank()) {
                throw new TheatreFileException(file, 1, null, "missing header line (" + String.join(",", REQUIRED) + ",...)");
            }
            Map<String, Integer> col = columns(header.replace("\uFEFF", ""), file);
            Map<String, Integer> firstLineOfId = new HashMap<>();
            String text;
            int line = 1;
            while ((text = r.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.split(",", -1);
                if (f.length != col.size()) {
                    throw new TheatreFileException(file, line, null,
                            "expected " + col.size() + " comma-separated fields, found " + f.length);
                }
                Site s = site(f, col, file, line);
                Integer earlier = firstLineOfId.putIfAbsent(s.id(), line);
                if (earlier != null) {
                    throw new TheatreFileException(file, line, "id",
                            "duplicate id '" + s.id() + "' (first on line " + earlier + ")");
                }
                rows.add(new Row(s, line));
            }
        } catch (IOException e) {
            throw new TheatreFileException(file, 0, null, "cannot read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new TheatreFileException(file, 0, null, "no sites");
        }
        return rows;
    }

    private static Map<String, Integer> columns(String header, String file) {
        Map<String, Integer> col = new LinkedHashMap<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String n = names[i].trim();
            if (!REQUIRED.contains(n) && !OPTIONAL.contains(n)) {
                throw new TheatreFileException(file, 1, n, "unknown column (expected "
                        + String.join(",", REQUIRED) + "," + String.join(",", OPTIONAL) + ")");
            }
            if (col.put(n, i) != null) {
                throw new TheatreFileException(file, 1, n, "column appears twice");
            }
        }
        for (String n : REQUIRED) {
            if (!col.containsKey(n)) {
                throw new TheatreFileException(file, 1, n, "missing column");
            }
        }
        return col;
    }

    private static Site site(String[] f, Map<String, Integer> col, String file, int line) {
        String id = get(f, col, "id");
        if (id.isEmpty()) {
            throw new TheatreFileException(file, line, "id", "empty");
        }
        String kindText = get(f, col, "kind");
        SiteKind kind = SiteKind.fromCode(kindText).orElseThrow(() -> new TheatreFileException(file, line, "kind",
                "unknown kind '" + kindText + "' (expected one of " + SiteKind.codes() + ")"));
        double lat = number(f, col, "lat", file, line);
        double lon = number(f, col, "lon", file, line);
        if (lat < -90 || lat > 90) {
            throw new TheatreFileException(file, line, "lat", "latitude " + lat + " is outside [-90, 90]");
        }
        if (lon < -180 || lon > 180) {
            throw new TheatreFileException(file, line, "lon", "longitude " + lon + " is outside [-180, 180]");
        }
        String controlText = get(f, col, "control");
        Control control = switch (controlText) {
            case "government" -> Control.GOVERNMENT;
            case "occupied" -> Control.OCCUPIED;
            default -> throw new TheatreFileException(file, line, "control",
                    "unknown control '" + controlText + "' (expected government or occupied)");
        };
        OptionalLong population = OptionalLong.empty();
        String pop = get(f, col, "population");
        if (!pop.isEmpty()) {
            try {
                long p = Long.parseLong(pop);
                if (p < 0) {
                    throw new NumberFormatException();
                }
                population = OptionalLong.of(p);
            } catch (NumberFormatException e) {
                throw new TheatreFileException(file, line, "population", "'" + pop + "' is not a whole number >= 0");
            }
        }
        OptionalDouble capacity = OptionalDouble.empty();
        String cap = get(f, col, "capacity_mw");
        if (!cap.isEmpty()) {
            double c = number(f, col, "capacity_mw", file, line);
            if (c < 0) {
                throw new TheatreFileException(file, line, "capacity_mw", "negative capacity " + c);
            }
            capacity = OptionalDouble.of(c);
        }
        return new Site(id, get(f, col, "name"), kind, new GeoPoint(lat, lon), get(f, col, "oblast"), control,
                population, capacity, get(f, col, "note"));
    }

    private static String get(String[] f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null ? "" : f[i].trim();
    }

    private static double number(String[] f, Map<String, Integer> col, String name, String file, int line) {
        String t = get(f, col, name);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TheatreFileException(file, line, name, "'" + t + "' is not a number");
        }
    }
}
