package org.vigil.track.model;

/**
 * The probability that a track's target exists (a Bernoulli random finite set), as in the
 * integrated probabilistic data association (IPDA) and Bernoulli filters.
 *
 * <p>Prediction over {@code dt}: {@code r <- r exp(-deathRate dt)}.
 * Update when the sensor missed the track: {@code r <- r (1 - pd) / (1 - r pd)}.
 * Update with one associated detection of likelihood ratio {@code L = pd g(z) / kappa}, where
 * {@code g} is the predicted measurement density and {@code kappa} the density of detections
 * that are not from this track (clutter plus new targets, per m^2):
 * {@code r <- r (1 - pd + L) / (1 - r pd + r L)}.
 * A new track from one detection starts at {@code r = birth / (birth + clutter)} (densities).
 *
 * @param detectionProbability                probability {@code pd} that the sensor reports a target it covers
 * @param clutterDensityPerSquareMetre        false detections per m^2 per sensor scan
 * @param birthDensityPerSquareMetre          new (not yet tracked) targets detected per m^2 per sensor scan
 * @param deathRatePerSecond                  hazard rate of a target ceasing to exist (or to matter), 1/s
 */
public record ExistenceModel(double detectionProbability, double clutterDensityPerSquareMetre,
                             double birthDensityPerSquareMetre, double deathRatePerSecond) {

    /** Densities are floored here so that a clutter-free sensor still gives finite odds. */
    public static final double DENSITY_FLOOR_PER_SQUARE_METRE = 1e-15;

    public ExistenceModel {
        if (!(detectionProbability > 0 && detectionProbability < 1)) {
            throw new IllegalArgumentException("detection probability must be in (0, 1): " + detectionProbability);
        }
        if (!(clutterDensityPerSquareMetre >= 0) || !(birthDensityPerSquareMetre > 0) || !(deathRatePerSecond >= 0)) {
            throw new IllegalArgumentException("densities and rates must be non-negative (birth positive)");
        }
    }

    /** Density of detections that are not from an existing track (clutter plus births), per m^2. */
    public double unassignedDensityPerSquareMetre() {
        return Math.max(clutterDensityPerSquareMetre + birthDensityPerSquareMetre, DENSITY_FLOOR_PER_SQUARE_METRE);
    }

    /** Existence probability of a track started from one detection. */
    public double initial() {
        return birthDensityPerSquareMetre / unassignedDensityPerSquareMetre();
    }

    /** Existence after {@code dtSeconds} without information. */
    public double predict(double existence, double dtSeconds) {
        return existence * Math.exp(-deathRatePerSecond * Math.abs(dtSeconds));
    }

    /** Existence after a scan that did not detect the track. */
    public double missed(double existence) {
        return missed(existence, detectionProbability);
    }

    /** Existence after a scan of detection probability {@code pd} at the track that did not detect it. */
    public double missed(double existence, double pd) {
        return existence * (1 - pd) / (1 - existence * pd);
    }

    /** Likelihood ratio {@code pd g / kappa} of a detection with the given log predicted density {@code ln g}. */
    public double likelihoodRatio(double logDensity) {
        return detectionProbability * Math.exp(logDensity) / unassignedDensityPerSquareMetre();
    }

    /** Existence after a scan whose detection of likelihood ratio {@code lr} was associated with the track. */
    public double detected(double existence, double lr) {
        double pd = detectionProbability;
        if (Double.isInfinite(lr)) {
            return 1.0;
        }
        return existence * (1 - pd + lr) / (1 - existence * pd + existence * lr);
    }
}
