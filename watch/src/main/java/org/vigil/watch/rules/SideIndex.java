package org.vigil.watch.rules;

import org.locationtech.jts.geom.Coordinate;
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
 * test. The grid is a flat byte array over the area's envelope (Ukraine: about 400 x 200
 * cells), so a lookup costs no boxing or hashing; outside the envelope a point is outside.
 */
final class SideIndex {

    private static final double CELL_DEG = 0.05;
    private static final byte UNKNOWN = 0, OUT = 1, IN = 2, MIXED = 3;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Theatre theatre;
    private final CellGrid occupied;
    private final CellGrid border;

    SideIndex(Theatre theatre) {
        this.theatre = theatre;
        this.occupied = new CellGrid(theatre.occupiedArea());
        this.border = new CellGrid(theatre.borderArea());
    }

    boolean isOccupied(double latDeg, double lonDeg) {
        return occupied.covers(latDeg, lonDeg);
    }

    boolean isInside(double latDeg, double lonDeg) {
        return border.covers(latDeg, lonDeg);
    }

    double distanceToContactLineMetres(double latDeg, double lonDeg) {
        return theatre.distanceToContactLineMetres(new GeoPoint(latDeg, lonDeg));
    }

    /** One area and its cells' verdicts. */
    private static final class CellGrid {
        private final PreparedGeometry area;
        private final long x0, y0;
        private final int columns, rows;
        private final byte[] cells;

        CellGrid(Geometry geometry) {
            this.area = PreparedGeometryFactory.prepare(geometry);
            Envelope env = geometry.getEnvelopeInternal();
            if (env.isNull()) {
                x0 = y0 = 0;
                columns = rows = 0;
            } else {
                x0 = (long) Math.floor(env.getMinX() / CELL_DEG);
                y0 = (long) Math.floor(env.getMinY() / CELL_DEG);
                columns = (int) ((long) Math.floor(env.getMaxX() / CELL_DEG) - x0 + 1);
                rows = (int) ((long) Math.floor(env.getMaxY() / CELL_DEG) - y0 + 1);
            }
            this.cells = new byte[Math.max(0, columns * rows)];
        }

        boolean covers(double lat, double lon) {
            long cx = (long) Math.floor(lon / CELL_DEG) - x0, cy = (long) Math.floor(lat / CELL_DEG) - y0;
            if (cx < 0 || cy < 0 || cx >= columns || cy >= rows || Double.isNaN(lat) || Double.isNaN(lon)) {
                return false;
            }
            int i = (int) (cy * columns + cx);
            byte c = cells[i];
            if (c == UNKNOWN) {
                double west = (cx + x0) * CELL_DEG, south = (cy + y0) * CELL_DEG;
                Geometry box = FACTORY.toGeometry(new Envelope(west, west + CELL_DEG, south, south + CELL_DEG));
                c = area.containsProperly(box) ? IN : area.disjoint(box) ? OUT : MIXED;
                cells[i] = c;
            }
            if (c != MIXED) {
                return c == IN;
            }
            return area.covers(FACTORY.createPoint(new Coordinate(lon, lat)));
        }
    }
}
