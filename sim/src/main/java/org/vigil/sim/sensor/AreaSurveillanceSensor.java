package org.vigil.sim.sensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;
import org.vigil.track.model.Region;

/**
 * A wide-area surveillance sensor (a GMTI radar's swath or a persistent wide-area camera) whose
 * footprint is the whole region: every {@code revisitSeconds} it detects each target with
 * probability {@code detectionProbability}, adds isotropic Gaussian position error of
 * {@code sigmaMetres} per axis, and adds a Poisson number of false detections (mean
 * {@code clutterPerScan}) uniform over the region.
 *
 * @param id                   sensor id
 * @param region               footprint, m
 * @param detectionProbability probability of detecting a target in the footprint
 * @param sigmaMetres          position error std per axis, m
 * @param clutterPerScan       mean false detections per scan
 * @param revisitSeconds       time between scans, s
 */
public record AreaSurveillanceSensor(int id, Region region, double detectionProbability, double sigmaMetres,
                                     double clutterPerScan, double revisitSeconds) implements Sensor {

    public AreaSurveillanceSensor {
        if (!(detectionProbability >= 0 && detectionProbability <= 1) || !(sigmaMetres > 0)
                || !(clutterPerScan >= 0) || !(revisitSeconds > 0)) {
            throw new IllegalArgumentException("need 0 <= pd <= 1, sigma > 0, clutter >= 0, revisit > 0");
        }
    }

    @Override
    public boolean looksAt(double timeSeconds) {
        double k = timeSeconds / revisitSeconds;
        return Math.abs(k - Math.rint(k)) < 1e-9;
    }

    @Override
    public Frame observe(double t, double[] truthX, double[] truthY, double[] truthVx, double[] truthVy, RandomGenerator rng) {
        List<Detection> ds = new ArrayList<>();
        for (int i = 0; i < truthX.length; i++) {
            if (region.contains(truthX[i], truthY[i]) && rng.nextDouble() < detectionProbability) {
                ds.add(Detection.position(t, id, truthX[i] + sigmaMetres * rng.nextGaussian(),
                        truthY[i] + sigmaMetres * rng.nextGaussian(), sigmaMetres));
            }
        }
        int clutter = Poisson.sample(clutterPerScan, rng);
        for (int c = 0; c < clutter; c++) {
            ds.add(Detection.position(t, id, rng.nextDouble(region.xMinMetres(), region.xMaxMetres()),
                    rng.nextDouble(region.yMinMetres(), region.yMaxMetres()), sigmaMetres));
        }
        Collections.shuffle(ds, rng);
        return new Frame(t, id, ds, (x, y) -> region.contains(x, y) ? detectionProbability : 0);
    }
}
