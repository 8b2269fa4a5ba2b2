package org.vigil.track.update;

/**
 * How well a detection fits a predicted track: the innovation {@code nu = z - h(m)} judged by its
 * covariance {@code S}.
 *
 * @param mahalanobisSquared {@code nu^T S^-1 nu}, chi-square distributed with {@code dimension}
 *                           degrees of freedom when the detection comes from the track
 * @param logDensity         {@code ln N(nu; 0, S)}, the log-likelihood of the detection, in ln(1/m^dimension) units
 * @param dimension          measurement dimension (2 for position, 3 with range-rate)
 */
public record Innovation(double mahalanobisSquared, double logDensity, int dimension) {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** The innovation of a Gaussian measurement from {@code d2} and the log-determinant of {@code S}. */
    public static Innovation of(double mahalanobisSquared, double logDetS, int dimension) {
        return new Innovation(mahalanobisSquared,
                -0.5 * (mahalanobisSquared + logDetS + dimension * LOG_TWO_PI), dimension);
    }
}
