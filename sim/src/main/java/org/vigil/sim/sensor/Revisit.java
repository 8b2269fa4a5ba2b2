package org.vigil.sim.sensor;

/** Scan schedules: every {@code revisitSeconds} from {@code offsetSeconds}. */
final class Revisit {

    private Revisit() {
    }

    /** True when {@code t = offset + k revisit} for an integer k >= 0 (to 1 ns). */
    static boolean due(double timeSeconds, double revisitSeconds, double offsetSeconds) {
        double k = (timeSeconds - offsetSeconds) / revisitSeconds;
        return k > -1e-9 && Math.abs(k - Math.rint(k)) * revisitSeconds < 1e-9;
    }
}
