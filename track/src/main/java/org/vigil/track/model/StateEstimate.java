package org.vigil.track.model;

/**
 * What a filter believes about one target at one time: a single Gaussian, or a mixture of
 * Gaussians (one per motion model) for an interacting-multiple-model filter.
 */
public sealed interface StateEstimate permits GaussianState, ImmState {

    /** Time of validity, s. */
    double timeSeconds();

    /** The single Gaussian with the same mean and covariance (moment matching); itself for a Gaussian. */
    GaussianState gaussian();
}
