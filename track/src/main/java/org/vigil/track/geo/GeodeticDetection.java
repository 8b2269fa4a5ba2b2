package org.vigil.track.geo;

import java.util.OptionalDouble;

/**
 * One sensor report in WGS84: geodetic position, optional ellipsoidal height, and the
 * horizontal position error covariance in the local east-north axes at the reported point
 * (m^2), optionally with a GMTI range-rate.
 *
 * @param timeSeconds           time of the report, s since the stream's epoch
 * @param sensorId              the reporting sensor (0 when unknown)
 * @param latitudeDeg           geodetic latitude, degrees north
 * @param longitudeDeg          longitude, degrees east
 * @param heightMetres          ellipsoidal height, m, when the sensor reports one
 * @param eastVarianceM2        variance of the east error, m^2
 * @param eastNorthCovarianceM2 east-north error covariance, m^2
 * @param northVarianceM2       variance of the north error, m^2
 * @param rangeRate             the GMTI range-rate, or {@code null}
 */
public record GeodeticDetection(double timeSeconds, int sensorId, double latitudeDeg, double longitudeDeg,
                                OptionalDouble heightMetres, double eastVarianceM2, double eastNorthCovarianceM2,
                                double northVarianceM2, GeodeticRangeRate rangeRate) {

    public GeodeticDetection {
        if (!(Math.abs(latitudeDeg) <= 90) || !(Math.abs(longitudeDeg) <= 180)) {
            throw new IllegalArgumentException("latitude/longitude out of range: " + latitudeDeg + ", " + longitudeDeg);
        }
        if (!(eastVarianceM2 > 0) || !(northVarianceM2 > 0)
                || eastVarianceM2 * northVarianceM2 - eastNorthCovarianceM2 * eastNorthCovarianceM2 <= 0) {
            throw new IllegalArgumentException("position covariance is not positive definite");
        }
    }

    /** A position-only report without height, with isotropic error {@code sigmaMetres} per axis. */
    public static GeodeticDetection position(double timeSeconds, int sensorId, double latitudeDeg, double longitudeDeg,
                                             double sigmaMetres) {
        double v = sigmaMetres * sigmaMetres;
        return new GeodeticDetection(timeSeconds, sensorId, latitudeDeg, longitudeDeg, OptionalDouble.empty(), v, 0, v, null);
    }
}
