package org.vigil.track.geo;

/**
 * A track reported in WGS84: position, ellipsoidal height (the tracker's assumed surface height
 * for a 2D tracker), and velocity and position covariance in the local east-north axes at the
 * track's position.
 *
 * @param id                         stable track id
 * @param timeSeconds                time of validity, s
 * @param latitudeDeg                geodetic latitude, degrees
 * @param longitudeDeg               longitude, degrees
 * @param heightMetres               ellipsoidal height, m
 * @param eastMetresPerSecond        velocity east, m/s
 * @param northMetresPerSecond       velocity north, m/s
 * @param eastVarianceM2             position variance east, m^2
 * @param eastNorthCovarianceM2      east-north position covariance, m^2
 * @param northVarianceM2            position variance north, m^2
 * @param existence                  probability that the target exists
 * @param confirmed                  whether the track is confirmed
 */
public record GeodeticTrack(long id, double timeSeconds, double latitudeDeg, double longitudeDeg, double heightMetres,
                            double eastMetresPerSecond, double northMetresPerSecond, double eastVarianceM2,
                            double eastNorthCovarianceM2, double northVarianceM2, double existence, boolean confirmed) {

    /** Speed over ground, m/s. */
    public double speedMetresPerSecond() {
        return Math.hypot(eastMetresPerSecond, northMetresPerSecond);
    }

    /** Course over ground, degrees clockwise from north in [0, 360). */
    public double courseDeg() {
        double c = Math.toDegrees(Math.atan2(eastMetresPerSecond, northMetresPerSecond));
        return c < 0 ? c + 360 : c;
    }
}
