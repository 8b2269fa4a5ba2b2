package org.vigil.sim.sensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;

/**
 * An imaging satellite's passes: one snapshot per pass, at {@code passTimesSeconds}, of a straight
 * swath of half-width {@code halfWidthMetres} about the ground track through
 * {@code (groundTrackXMetres, groundTrackYMetres)} at {@code groundTrackAzimuthRadians} (counter-
 * clockwise from east). Targets in the swath are detected with probability
 * {@code detectionProbability} and isotropic error {@code sigmaMetres}; false detections fall
 * uniformly in the part of the swath within {@code clutterAlongTrackMetres} of the reference point.
 *
 * @param id                          sensor id
 * @param passTimesSeconds            times of the snapshots, s
 * @param groundTrackXMetres          a point of the ground track, east, m
 * @param groundTrackYMetres          a point of the ground track, north, m
 * @param groundTrackAzimuthRadians   direction of the ground track, counter-clockwise from east, rad
 * @param halfWidthMetres             half the swath width, m
 * @param detectionProbability        probability of detecting a target in the swath
 * @param sigmaMetres                 position error std per axis, m
 * @param clutterPerScan              mean false detections per snapshot
 * @param clutterAlongTrackMetres     half-length of the swath over which clutter falls, m
 */
public record SatellitePass(int id, double[] passTimesSeconds, double groundTrackXMetres, double groundTrackYMetres,
                            double groundTrackAzimuthRadians, double halfWidthMetres, double detectionProbability,
                            double sigmaMetres, double clutterPerScan, double clutterAlongTrackMetres) implements Sensor {

    public SatellitePass {
        passTimesSeconds = passTimesSeconds.clone();
        if (!(halfWidthMetres > 0) || !(sigmaMetres > 0) || !(detectionProbability >= 0 && detectionProbability <= 1)
                || !(clutterPerScan >= 0) || !(clutterAlongTrackMetres > 0)) {
            throw new IllegalArgumentException("invalid satellite pass parameters");
        }
    }

    @Override
    public double[] passTimesSeconds() {
        return passTimesSeconds.clone();
    }

    @Override
    public boolean looksAt(double timeSeconds) {
        for (double p : passTimesSeconds) {
            if (Math.abs(p - timeSeconds) < 1e-9) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Frame observe(double t, double[] truthX, double[] truthY, double[] truthVx, double[] truthVy, RandomGenerator rng) {
        double ax = Math.cos(groundTrackAzimuthRadians), ay = Math.sin(groundTrackAzimuthRadians);
        List<Detection> ds = new ArrayList<>();
        for (int i = 0; i < truthX.length; i++) {
            double across = (truthX[i] - groundTrackXMetres) * -ay + (truthY[i] - groundTrackYMetres) * ax;
            if (Math.abs(across) <= halfWidthMetres && rng.nextDouble() < detectionProbability) {
                ds.add(Detection.position(t, id, truthX[i] + sigmaMetres * rng.nextGaussian(),
                        truthY[i] + sigmaMetres * rng.nextGaussian(), sigmaMetres));
            }
        }
        int clutter = Poisson.sample(clutterPerScan, rng);
        for (int k = 0; k < clutter; k++) {
            double along = rng.nextDouble(-clutterAlongTrackMetres, clutterAlongTrackMetres);
            double across = rng.nextDouble(-halfWidthMetres, halfWidthMetres);
            ds.add(Detection.position(t, id, groundTrackXMetres + along * ax - across * ay,
                    groundTrackYMetres + along * ay + across * ax, sigmaMetres));
        }
        Collections.shuffle(ds, rng);
        return new Frame(t, id, ds, (x, y) -> Math.abs((x - groundTrackXMetres) * -ay + (y - groundTrackYMetres) * ax) <= halfWidthMetres ? detectionProbability : 0);
    }
}
