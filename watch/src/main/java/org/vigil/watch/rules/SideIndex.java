package org.vigil.watch.rules;

import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;

/**
 * Which side of the line of contact a point is on, fast enough to ask for every track update:
 * a lazily filled grid of 0.05-degree cells remembers the cells wholly inside or wholly outside
 * an area, and only points in cells the area's boundary crosses go to the exact (prepared JTS)
 * test.
 */
final class SideIndex {

    private static final double CELL_DEG = 0.05;
    private static final byte OUT = 0, IN = 1, MIXED = 2;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Theatre theatre;
    private final PreparedGeometry occupied;
    private final PreparedGeometry border;
    private final Map<Long, Byte> occupiedCells = new HashMap<>();
    private final Map<Long, Byte> borderCells = new HashMap<>();

    SideIndex(Theatre theatre) {
        this.theatre = theatre;
        this.occupied = PreparedGeometryFactory.prepare(theatre.occupiedArea());
        this.border = PreparedGeometryFactory.prepare(theatre.borderArea());
    }

    boolean isOccupied(double latDeg, double lonDeg) {
        return test(occupied, occupiedCells, latDeg, lonDeg);
    }

    boolean isInside(double latDeg, double lonDeg) {
        return test(border, borderCells, latDeg, lonDeg);
    }

    double distanceToContactLineMetres(double latDeg, double lonDeg) {
        return theatre.distanceToContactLineMetres(new GeoPoint(latDeg, lonDeg));
    }

    private static boolean test(PreparedGeometry area, Map<Long, Byte> cells, double lat, double lon) {
        long cx = (long) Math.floor(lon / CELL_DEG), cy = (long) Math.floor(lat / CELL_DEG);
        long key = (cx << 32) ^ (cy & 0xffffffffL);
        Byte c = cells.get(key);
        if (c == null) {
            Geometry box = FACTORY.toGeometry(new Envelope(cx * CELL_DEG, (cx + 1) * CELL_DEG, cy * CELL_DEG, (cy + 1) * CELL_DEG));
            c = area.containsProperly(box) ? IN : area.disjoint(box) ? OUT : MIXED;
            cells.put(key, c);
        }
        if (c != MIXED) {
            return c == IN;
        }
        return area.covers(FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)));
    }
}
