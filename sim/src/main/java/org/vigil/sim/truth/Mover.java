package org.vigil.sim.truth;

import java.util.random.RandomGenerator;

/**
 * A true target moving in the local plane (x east, y north, metres; velocities m/s), advanced
 * in fixed time steps. Deterministic given the random generator's sequence.
 */
public interface Mover {

    /** Advances the mover by {@code dtSeconds}. */
    void step(double dtSeconds, RandomGenerator rng);

    /** East position, m. */
    double xMetres();

    /** North position, m. */
    double yMetres();

    /** East velocity, m/s. */
    double vxMetresPerSecond();

    /** North velocity, m/s. */
    double vyMetresPerSecond();
}
