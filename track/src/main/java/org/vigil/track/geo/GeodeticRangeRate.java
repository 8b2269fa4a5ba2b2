package org.vigil.track.geo;

/**
 * The range-rate part of a GMTI report given with the sensor's WGS84 position and local
 * velocity (see {@link org.vigil.track.model.RangeRate} for the measurement function, which
 * the tracker applies in its plane).
 *
 * @param metresPerSecond              measured range-rate, m/s (positive: opening)
 * @param sigmaMetresPerSecond         its error standard deviation, m/s
 * @param sensorLatitudeDeg            sensor geodetic latitude at the report time, degrees
 * @param sensorLongitudeDeg           sensor longitude, degrees
 * @param sensorHeightMetres           sensor ellipsoidal height, m
 * @param sensorEastMetresPerSecond    sensor velocity east, in the local axes at the sensor, m/s
 * @param sensorNorthMetresPerSecond   sensor velocity north, in the local axes at the sensor, m/s
 */
public record GeodeticRangeRate(double metresPerSecond, double sigmaMetresPerSecond, double sensorLatitudeDeg,
                                double sensorLongitudeDeg, double sensorHeightMetres,
                                double sensorEastMetresPerSecond, double sensorNorthMetresPerSecond) {

    public GeodeticRangeRate {
        if (!(sigmaMetresPerSecond > 0)) {
            throw new IllegalArgumentException("range-rate sigma must be positive");
        }
    }
}
