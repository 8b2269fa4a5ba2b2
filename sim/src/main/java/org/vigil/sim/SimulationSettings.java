package org.vigil.sim;

import org.vigil.track.model.Region;

/**
 * What to simulate: ground vehicles (free ones on legs and turns, and convoys) in a square local
 * region, seen by one wide-area sensor. Every random draw comes from {@code seed}.
 *
 * @param targets              simultaneous targets (convoy vehicles included); one that leaves the region is replaced by a new one
 * @param durationSeconds      length of the run, s (scans at k dt, k < duration / dt)
 * @param dtSeconds            scan interval, s
 * @param seed                 random seed
 * @param clutterPerScan       mean false detections per scan
 * @param detectionProbability sensor detection probability
 * @param sigmaMetres          sensor position error std per axis, m
 * @param region               the region, m
 * @param convoys              number of convoys
 * @param convoySize           vehicles per convoy
 */
public record SimulationSettings(int targets, double durationSeconds, double dtSeconds, long seed,
                                 double clutterPerScan, double detectionProbability, double sigmaMetres,
                                 Region region, int convoys, int convoySize) {

    /** Targets per square metre used by {@link #of}: 0.1 per km^2, as the shared medium scenario. */
    public static final double DEFAULT_DENSITY_PER_SQUARE_METRE = 1e-7;

    public SimulationSettings {
        if (targets < 0 || !(durationSeconds > 0) || !(dtSeconds > 0) || convoys < 0 || convoySize < 1
                || convoys * convoySize > targets) {
            throw new IllegalArgumentException("need targets >= convoy vehicles >= 0, duration > 0, dt > 0");
        }
    }

    /**
     * Defaults for {@code targets} vehicles: a square region centred on the origin holding 0.1
     * targets per km^2, 1 s scans, 20 m sensor error, one convoy of 8 per 100 targets.
     */
    public static SimulationSettings of(int targets, double durationSeconds, long seed, double clutterPerScan,
                                        double detectionProbability) {
        double half = 0.5 * Math.sqrt(Math.max(targets, 1) / DEFAULT_DENSITY_PER_SQUARE_METRE);
        int convoys = targets / 100;
        return new SimulationSettings(targets, durationSeconds, 1.0, seed, clutterPerScan, detectionProbability, 20,
                new Region(-half, half, -half, half), convoys, 8);
    }

    /** Number of scans. */
    public int scans() {
        return (int) Math.round(durationSeconds / dtSeconds);
    }
}
