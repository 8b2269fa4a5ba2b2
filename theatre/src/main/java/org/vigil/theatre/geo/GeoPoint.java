package org.vigil.theatre.geo;

/**
 * A point on the WGS84 ellipsoid, in degrees (the edge convention: files, maps and
 * GeographicLib all speak degrees). Height is not modelled here.
 *
 * @param latitudeDeg  geodetic latitude, degrees north, in [-90, 90]
 * @param longitudeDeg longitude, degrees east, in [-180, 180]
 */
public record GeoPoint(double latitudeDeg, double longitudeDeg) {

    public GeoPoint {
        if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
            throw new IllegalArgumentException("latitude " + latitudeDeg + " is outside [-90, 90]");
        }
        if (!(longitudeDeg >= -180 && longitudeDeg <= 180)) {
            throw new IllegalArgumentException("longitude " + longitudeDeg + " is outside [-180, 180]");
        }
    }

    public static GeoPoint of(double latitudeDeg, double longitudeDeg) {
        return new GeoPoint(latitudeDeg, longitudeDeg);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "(%.5f, %.5f)", latitudeDeg, longitudeDeg);
    }
}
