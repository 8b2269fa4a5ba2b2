package org.vigil.sim.sensor;

import java.util.random.RandomGenerator;

/** Poisson sampling: Knuth's product method for small means, a rounded normal approximation for large ones. */
final class Poisson {

    private Poisson() {
    }

    static int sample(double mean, RandomGenerator rng) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
