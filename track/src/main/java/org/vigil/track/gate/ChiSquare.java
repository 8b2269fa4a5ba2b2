package org.vigil.track.gate;

/** The chi-square distribution, for gate thresholds: {@code F_k(x) = P(k/2, x/2)}, the regularised lower incomplete gamma function. */
public final class ChiSquare {

    private ChiSquare() {
    }

    /** Cumulative distribution with {@code degreesOfFreedom} at {@code x >= 0}. */
    public static double cdf(int degreesOfFreedom, double x) {
        if (x <= 0) {
            return 0;
        }
        double a = degreesOfFreedom / 2.0, h = x / 2.0;
        // P(a, h) = h^a e^-h sum_n h^n / Gamma(a + n + 1)
        double term = Math.exp(a * Math.log(h) - h - logGamma(a + 1));
        double sum = term;
        for (int n = 1; n < 10_000 && term > sum * 1e-17; n++) {
            term *= h / (a + n);
            sum += term;
        }
        return Math.min(1.0, sum);
    }

    /** The value {@code x} with {@code cdf(degreesOfFreedom, x) = probability}, by bisection. */
    public static double quantile(int degreesOfFreedom, double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + probability);
        }
        double lo = 0, hi = 1;
        while (cdf(degreesOfFreedom, hi) < probability) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(degreesOfFreedom, mid) < probability) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** ln Gamma(a) for a a positive multiple of 1/2, exact by recurrence from Gamma(1) = 1, Gamma(1/2) = sqrt(pi). */
    private static double logGamma(double a) {
        double v = (Math.rint(2 * a) % 2 == 0) ? 0.0 : 0.5 * Math.log(Math.PI);
        for (double b = (Math.rint(2 * a) % 2 == 0) ? 1.0 : 0.5; b < a - 1e-9; b += 1) {
            v += Math.log(b);
        }
        return v;
    }
}
