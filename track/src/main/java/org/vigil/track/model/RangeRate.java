package org.vigil.track.model;

/**
 * The range-rate part of a GMTI (ground moving target indicator) report: the rate of change of
 * the distance from the sensor to the target, as measured by the Doppler shift.
 *
 * <p>Measurement function, with target state {@code [x, vx, y, vy]} and sensor position
 * {@code (sx, sy)} and velocity {@code (svx, svy)} in the same local plane:
 * {@code rdot = ((x - sx)(vx - svx) + (y - sy)(vy - svy)) / sqrt((x - sx)^2 + (y - sy)^2)}.
 *
 * @param metresPerSecond           measured range-rate, m/s (positive: opening)
 * @param sigmaMetresPerSecond      its error standard deviation, m/s
 * @param sensorXMetres             sensor east position at the report time, m
 * @param sensorYMetres             sensor north position at the report time, m
 * @param sensorVxMetresPerSecond   sensor east velocity, m/s
 * @param sensorVyMetresPerSecond   sensor north velocity, m/s
 */
public record RangeRate(double metresPerSecond, double sigmaMetresPerSecond,
                        double sensorXMetres, double sensorYMetres,
                        double sensorVxMetresPerSecond, double sensorVyMetresPerSecond) {

    public RangeRate {
        if (!(sigmaMetresPerSecond > 0)) {
            throw new IllegalArgumentException("range-rate sigma must be positive");
        }
    }
}
