package org.vigil.track.model;

/**
 * An axis-aligned rectangle in the local plane, metres: the surveillance region.
 *
 * @param xMinMetres west edge, m
 * @param xMaxMetres east edge, m
 * @param yMinMetres south edge, m
 * @param yMaxMetres north edge, m
 */
public record Region(double xMinMetres, double xMaxMetres, double yMinMetres, double yMaxMetres) {

    public Region {
        if (!(xMaxMetres > xMinMetres) || !(yMaxMetres > yMinMetres)) {
            throw new IllegalArgumentException("region must have xmin < xmax and ymin < ymax");
        }
    }

    /** Area, m^2. */
    public double areaSquareMetres() {
        return (xMaxMetres - xMinMetres) * (yMaxMetres - yMinMetres);
    }

    /** True when the point is inside or on the boundary. */
    public boolean contains(double xMetres, double yMetres) {
        return xMetres >= xMinMetres && xMetres <= xMaxMetres && yMetres >= yMinMetres && yMetres <= yMaxMetres;
    }
}
