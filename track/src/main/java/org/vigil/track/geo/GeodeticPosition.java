package org.vigil.track.geo;

/**
 * A WGS84 geodetic position together with the sines and cosines of its latitude and longitude.
 * The local east, north and up axes at a point are made of those four numbers, and
 * {@link LocalTangentPlane}'s conversions produce them without trigonometry, so carrying them
 * lets the caller build the local axes (e.g. {@link LocalTangentPlane#localToPlane(GeodeticPosition)})
 * without computing them again from the angles.
 *
 * @param latitudeDeg  geodetic latitude, degrees north
 * @param longitudeDeg longitude, degrees east
 * @param heightMetres ellipsoidal height, m
 * @param sinLatitude  sine of the latitude
 * @param cosLatitude  cosine of the latitude
 * @param sinLongitude sine of the longitude
 * @param cosLongitude cosine of the longitude
 */
public record GeodeticPosition(double latitudeDeg, double longitudeDeg, double heightMetres, double sinLatitude,
                               double cosLatitude, double sinLongitude, double cosLongitude) {

    /** The position of the given angles (degrees) and height (m), its sines and cosines computed. */
    public static GeodeticPosition of(double latitudeDeg, double longitudeDeg, double heightMetres) {
        double phi = Math.toRadians(latitudeDeg), lambda = Math.toRadians(longitudeDeg);
        return new GeodeticPosition(latitudeDeg, longitudeDeg, heightMetres, Math.sin(phi), Math.cos(phi),
                Math.sin(lambda), Math.cos(lambda));
    }

    /** {@code [latitudeDeg, longitudeDeg, heightMetres]}. */
    public double[] toArray() {
        return new double[] {latitudeDeg, longitudeDeg, heightMetres};
    }
}
