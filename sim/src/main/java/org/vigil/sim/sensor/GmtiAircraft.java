package org.vigil.sim.sensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;
import org.vigil.track.model.RangeRate;

/**
 * A GMTI (ground moving target indicator) radar on an aircraft flying a straight line at stand-off:
 * a wide swath to its left, between {@code minRangeMetres} and {@code maxRangeMetres} across track
 * and {@code swathLengthMetres} along track centred on the aircraft, scanned every
 * {@code revisitSeconds}. Each target in the swath moving with a range-rate of at least
 * {@code minDetectableVelocityMetresPerSecond} (slower ones hide in the ground clutter's Doppler
 * notch) is detected with probability {@code detectionProbability}, with isotropic position error
 * {@code sigmaMetres} and range-rate error {@code rangeRateSigmaMetresPerSecond}; false
 * detections are uniform in the swath with a random range-rate.
 *
 * @param id                                   sensor id
 * @param startXMetres                         aircraft east position at t = 0, m
 * @param startYMetres                         aircraft north position at t = 0, m
 * @param vxMetresPerSecond                    aircraft east velocity, m/s
 * @param vyMetresPerSecond                    aircraft north velocity, m/s
 * @param minRangeMetres                       near edge of the swath across track, m
 * @param maxRangeMetres                       far edge of the swath across track, m
 * @param swathLengthMetres                    swath length along track, m
 * @param detectionProbability                 probability of detecting a mover in the swath
 * @param sigmaMetres                          position error std per axis, m
 * @param rangeRateSigmaMetresPerSecond        range-rate error std, m/s
 * @param minDetectableVelocityMetresPerSecond slowest detectable |range-rate|, m/s
 * @param clutterPerScan                       mean false detections per scan
 * @param revisitSeconds                       time between scans, s
 */
public record GmtiAircraft(int id, double startXMetres, double startYMetres, double vxMetresPerSecond,
                           double vyMetresPerSecond, double minRangeMetres, double maxRangeMetres,
                           double swathLengthMetres, double detectionProbability, double sigmaMetres,
                           double rangeRateSigmaMetresPerSecond, double minDetectableVelocityMetresPerSecond,
                           double clutterPerScan, double revisitSeconds) implements Sensor {

    public GmtiAircraft {
        if (!(Math.hypot(vxMetresPerSecond, vyMetresPerSecond) > 0) || !(maxRangeMetres > minRangeMetres) || !(minRangeMetres >= 0)
                || !(swathLengthMetres > 0) || !(sigmaMetres > 0) || !(rangeRateSigmaMetresPerSecond > 0)
                || !(detectionProbability >= 0 && detectionProbability <= 1) || !(clutterPerScan >= 0) || !(revisitSeconds > 0)) {
            throw new IllegalArgumentException("invalid GMTI parameters");
        }
    }

    /** Aircraft position at {@code timeSeconds}, {@code [x, y]} m. */
    public double[] position(double timeSeconds) {
        return new double[] {startXMetres + vxMetresPerSecond * timeSeconds, startYMetres + vyMetresPerSecond * timeSeconds};
    }

    @Override
    public boolean looksAt(double timeSeconds) {
        return Revisit.due(timeSeconds, revisitSeconds, 0);
    }

    @Override
    public Frame observe(double t, double[] truthX, double[] truthY, double[] truthVx, double[] truthVy, RandomGenerator rng) {
        double[] s = position(t);
        double speed = Math.hypot(vxMetresPerSecond, vyMetresPerSecond);
        double ax = vxMetresPerSecond / speed, ay = vyMetresPerSecond / speed; // along track
        double lx = -ay, ly = ax; // left
        List<Detection> ds = new ArrayList<>();
        for (int i = 0; i < truthX.length; i++) {
            double dx = truthX[i] - s[0], dy = truthY[i] - s[1];
            double along = dx * ax + dy * ay, across = dx * lx + dy * ly;
            if (Math.abs(along) > swathLengthMetres / 2 || across < minRangeMetres || across > maxRangeMetres) {
                continue;
            }
            double r = Math.hypot(dx, dy);
            double rdot = (dx * (truthVx[i] - vxMetresPerSecond) + dy * (truthVy[i] - vyMetresPerSecond)) / r;
            // the notch is around the ground's own Doppler: the target's velocity along the line of sight
            double groundRdot = (dx * truthVx[i] + dy * truthVy[i]) / r;
            if (Math.abs(groundRdot) < minDetectableVelocityMetresPerSecond || rng.nextDouble() >= detectionProbability) {
                continue;
            }
            ds.add(report(t, truthX[i] + sigmaMetres * rng.nextGaussian(), truthY[i] + sigmaMetres * rng.nextGaussian(),
                    rdot + rangeRateSigmaMetresPerSecond * rng.nextGaussian(), s));
        }
        int clutter = Poisson.sample(clutterPerScan, rng);
        for (int k = 0; k < clutter; k++) {
            double along = rng.nextDouble(-swathLengthMetres / 2, swathLengthMetres / 2);
            double across = rng.nextDouble(minRangeMetres, maxRangeMetres);
            ds.add(report(t, s[0] + along * ax + across * lx, s[1] + along * ay + across * ly, rng.nextDouble(-30, 30), s));
        }
        Collections.shuffle(ds, rng);
        // footprint only: the Doppler notch depends on the target's velocity, not its position
        return new Frame(t, id, ds, (x, y) -> {
            double along = (x - s[0]) * ax + (y - s[1]) * ay, across = (x - s[0]) * lx + (y - s[1]) * ly;
            return Math.abs(along) <= swathLengthMetres / 2 && across >= minRangeMetres && across <= maxRangeMetres
                    ? detectionProbability : 0;
        });
    }

    private Detection report(double t, double x, double y, double rdot, double[] s) {
        double v = sigmaMetres * sigmaMetres;
        return new Detection(t, id, x, y, v, 0, v, new RangeRate(rdot, rangeRateSigmaMetresPerSecond, s[0], s[1],
                vxMetresPerSecond, vyMetresPerSecond));
    }
}
