package org.vigil.track.model;

/**
 * One report from a sensor: a measured position in the local tangent plane with its error
 * covariance, and optionally a GMTI range-rate.
 *
 * <p>Frame: local plane, x east and y north, metres; time in seconds since the scenario epoch.
 * The position error is Gaussian with covariance {@code [[varianceXxM2, covarianceXyM2],
 * [covarianceXyM2, varianceYyM2]]}.
 *
 * @param timeSeconds     time of the report, s
 * @param sensorId        the reporting sensor (1-based in scenario files; 0 when unknown)
 * @param xMetres         measured east position, m
 * @param yMetres         measured north position, m
 * @param varianceXxM2    variance of the east error, m^2
 * @param covarianceXyM2  east-north error covariance, m^2
 * @param varianceYyM2    variance of the north error, m^2
 * @param rangeRate       the range-rate part of a GMTI report, or {@code null} when the sensor reports none
 */
public record Detection(double timeSeconds, int sensorId, double xMetres, double yMetres,
                        double varianceXxM2, double covarianceXyM2, double varianceYyM2, RangeRate rangeRate) {

    public Detection {
        if (!(varianceXxM2 > 0) || !(varianceYyM2 > 0)
                || varianceXxM2 * varianceYyM2 - covarianceXyM2 * covarianceXyM2 <= 0) {
            throw new IllegalArgumentException("position covariance is not positive definite");
        }
    }

    /** A position-only report with isotropic error of standard deviation {@code sigmaMetres} per axis. */
    public static Detection position(double timeSeconds, int sensorId, double xMetres, double yMetres, double sigmaMetres) {
        double v = sigmaMetres * sigmaMetres;
        return new Detection(timeSeconds, sensorId, xMetres, yMetres, v, 0, v, null);
    }

    /** True when the report carries a GMTI range-rate. */
    public boolean hasRangeRate() {
        return rangeRate != null;
    }
}
