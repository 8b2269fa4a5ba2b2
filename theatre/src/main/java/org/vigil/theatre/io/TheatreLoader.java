package org.vigil.theatre.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.site.Site;

/**
 * Loads a theatre: the bundled Ukraine one (from {@code ../shared/data/ukraine}, see
 * SOURCES.md beside it) or a user directory holding the same files:
 * {@code sites.csv}, {@code contact_line.geojson}, {@code occupied.geojson},
 * {@code border.geojson} and, optionally, {@code neighbours.geojson}.
 *
 * <p>Validation goes beyond syntax: every site must lie inside the border, and its
 * {@code control} must agree with the occupied area (a "government" site inside it is
 * on the wrong side of the line).
 */
public final class TheatreLoader {

    public static final String SITES = "sites.csv";
    public static final String CONTACT_LINE = "contact_line.geojson";
    public static final String OCCUPIED = "occupied.geojson";
    public static final String BORDER = "border.geojson";
    public static final String NEIGHBOURS = "neighbours.geojson";

    private static final String BUNDLED = "/org/vigil/theatre/ukraine/";
    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** Where a theatre's files come from. */
    private interface Source {
        /** The file's content, or null if absent. */
        InputStream open(String file) throws IOException;

        String describe(String file);
    }

    private TheatreLoader() {
    }

    /** The bundled Ukraine theatre. */
    public static Theatre bundledUkraine() {
        return load("Ukraine (bundled)", new Source() {
            @Override
            public InputStream open(String file) {
                return TheatreLoader.class.getResourceAsStream(BUNDLED + file);
            }

            @Override
            public String describe(String file) {
                return "bundled " + file;
            }
        });
    }

    /** A theatre from a directory of the same files as the bundled one. */
    public static Theatre fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TheatreFileException(dir.toString(), 0, null, "not a directory");
        }
        return load(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), new Source() {
            @Override
            public InputStream open(String file) throws IOException {
                try {
                    return Files.newInputStream(dir.resolve(file));
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String describe(String file) {
                return dir.resolve(file).toString();
            }
        });
    }

    private static Theatre load(String name, Source source) {
        List<SitesCsvReader.Row> rows = withFile(source, SITES, true, in -> SitesCsvReader.read(in, source.describe(SITES)));
        List<GeoJsonReader.Feature> line = withFile(source, CONTACT_LINE, true,
                in -> GeoJsonReader.read(in, source.describe(CONTACT_LINE)));
        List<GeoJsonReader.Feature> occupied = withFile(source, OCCUPIED, true,
                in -> GeoJsonReader.read(in, source.describe(OCCUPIED)));
        List<GeoJsonReader.Feature> border = withFile(source, BORDER, true,
                in -> GeoJsonReader.read(in, source.describe(BORDER)));
        List<GeoJsonReader.Feature> neighbours = withFile(source, NEIGHBOURS, false,
                in -> GeoJsonReader.read(in, source.describe(NEIGHBOURS)));

        List<GeoPoint> contactLine = contactLine(line, source.describe(CONTACT_LINE));
        Geometry occupiedArea = area(occupied, source.describe(OCCUPIED));
        Geometry borderArea = area(border, source.describe(BORDER));
        Map<String, Geometry> neighbourAreas = new LinkedHashMap<>();
        if (neighbours != null) {
            for (GeoJsonReader.Feature f : neighbours) {
                String code = f.properties().getOrDefault("iso_a3", f.properties().getOrDefault("name", "N" + neighbourAreas.size()));
                neighbourAreas.put(code, f.geometry());
            }
        }
        List<Site> sites = new ArrayList<>();
        Theatre probe = new Theatre(name, List.of(), contactLine, occupiedArea, borderArea, neighbourAreas);
        for (SitesCsvReader.Row row : rows) {
            checkSide(probe, row, source.describe(SITES));
            sites.add(row.site());
        }
        return new Theatre(name, sites, contactLine, occupiedArea, borderArea, neighbourAreas);
    }

    private static void checkSide(Theatre t, SitesCsvReader.Row row, String file) {
        Site s = row.site();
        if (!t.isInside(s.location())) {
            throw new TheatreFileException(file, row.line(), "lat,lon",
                    "site '" + s.id() + "' at " + s.location() + " lies outside the theatre border");
        }
        boolean inOccupied = t.isOccupied(s.location());
        if (s.isGovernmentControlled() && inOccupied) {
            throw new TheatreFileException(file, row.line(), "control", "site '" + s.id()
                    + "' is marked government but lies in the occupied area (wrong side of the line of contact)");
        }
        if (!s.isGovernmentControlled() && !inOccupied) {
            throw new TheatreFileException(file, row.line(), "control", "site '" + s.id()
                    + "' is marked occupied but lies outside the occupied area (wrong side of the line of contact)");
        }
    }

    private static List<GeoPoint> contactLine(List<GeoJsonReader.Feature> fs, String file) {
        List<GeoPoint> points = new ArrayList<>();
        for (GeoJsonReader.Feature f : fs) {
            if (!(f.geometry() instanceof LineString ls)) {
                throw new TheatreFileException(file, f.line(), "geometry.type",
                        "the line of contact must be a LineString, found " + f.geometry().getGeometryType());
            }
            if (!points.isEmpty()) {
                throw new TheatreFileException(file, f.line(), "features", "the line of contact must be one LineString");
            }
            for (Coordinate c : ls.getCoordinates()) {
                points.add(new GeoPoint(c.y, c.x));
            }
        }
        if (points.size() < 2) {
            throw new TheatreFileException(file, 0, "features", "no line of contact");
        }
        return points;
    }

    private static Geometry area(List<GeoJsonReader.Feature> fs, String file) {
        List<Polygon> polys = new ArrayList<>();
        for (GeoJsonReader.Feature f : fs) {
            if (!(f.geometry() instanceof Polygonal)) {
                throw new TheatreFileException(file, f.line(), "geometry.type",
                        "expected a Polygon or MultiPolygon, found " + f.geometry().getGeometryType());
            }
            if (!f.geometry().isValid()) {
                throw new TheatreFileException(file, f.line(), "geometry", "the polygon is not valid (self-intersecting?)");
            }
            for (int i = 0; i < f.geometry().getNumGeometries(); i++) {
                polys.add((Polygon) f.geometry().getGeometryN(i));
            }
        }
        if (polys.isEmpty()) {
            throw new TheatreFileException(file, 0, "features", "no polygon");
        }
        return FACTORY.createMultiPolygon(polys.toArray(Polygon[]::new));
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T withFile(Source source, String file, boolean required, Reader<T> reader) {
        try (InputStream in = source.open(file)) {
            if (in == null) {
                if (required) {
                    throw new TheatreFileException(source.describe(file), 0, null, "missing theatre file");
                }
                return null;
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
