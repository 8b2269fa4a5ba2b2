package org.vigil.sim.sensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;

/**
 * A drone's video: a small circular footprint under a drone flying a circular orbit, reporting
 * often and accurately. The drone is at angle {@code 2 pi t / orbitPeriodSeconds} on its orbit;
 * every target within {@code footprintRadiusMetres} of its ground point is detected with
 * probability {@code detectionProbability} and isotropic error {@code sigmaMetres}; a Poisson
 * number of false detections (mean {@code clutterPerScan}) falls uniformly in the footprint.
 *
 * @param id                    sensor id
 * @param orbitCentreXMetres    orbit centre east, m
 * @param orbitCentreYMetres    orbit centre north, m
 * @param orbitRadiusMetres     orbit radius, m
 * @param orbitPeriodSeconds    time for one orbit, s
 * @param footprintRadiusMetres radius of the camera footprint on the ground, m
 * @param detectionProbability  probability of detecting a target in the footprint
 * @param sigmaMetres           position error std per axis, m
 * @param clutterPerScan        mean false detections per frame
 * @param revisitSeconds        time between frames, s
 */
public record DroneVideo(int id, double orbitCentreXMetres, double orbitCentreYMetres, double orbitRadiusMetres,
                         double orbitPeriodSeconds, double footprintRadiusMetres, double detectionProbability,
                         double sigmaMetres, double clutterPerScan, double revisitSeconds) implements Sensor {

    public DroneVideo {
        if (!(orbitPeriodSeconds > 0) || !(footprintRadiusMetres > 0) || !(detectionProbability >= 0 && detectionProbability <= 1)
                || !(sigmaMetres > 0) || !(clutterPerScan >= 0) || !(revisitSeconds > 0)) {
            throw new IllegalArgumentException("need period, footprint, sigma, revisit > 0, clutter >= 0, 0 <= pd <= 1");
        }
    }

    /** A typical small drone: 1 km orbit, 400 m footprint, 5 m error, pd 0.95, 1 Hz. */
    public static DroneVideo typical(int id, double orbitCentreXMetres, double orbitCentreYMetres) {
        return new DroneVideo(id, orbitCentreXMetres, orbitCentreYMetres, 1000, 300, 400, 0.95, 5, 0.2, 1);
    }

    /** Ground point under the drone at {@code timeSeconds}, {@code [x, y]} m. */
    public double[] groundPoint(double timeSeconds) {
        double a = 2 * Math.PI * timeSeconds / orbitPeriodSeconds;
        return new double[] {orbitCentreXMetres + orbitRadiusMetres * Math.cos(a), orbitCentreYMetres + orbitRadiusMetres * Math.sin(a)};
    }

    @Override
    public boolean looksAt(double timeSeconds) {
        return Revisit.due(timeSeconds, revisitSeconds, 0);
    }

    @Override
    public Frame observe(double t, double[] truthX, double[] truthY, double[] truthVx, double[] truthVy, RandomGenerator rng) {
        double[] c = groundPoint(t);
        double r2 = footprintRadiusMetres * footprintRadiusMetres;
        List<Detection> ds = new ArrayList<>();
        for (int i = 0; i < truthX.length; i++) {
            double dx = truthX[i] - c[0], dy = truthY[i] - c[1];
            if (dx * dx + dy * dy <= r2 && rng.nextDouble() < detectionProbability) {
                ds.add(Detection.position(t, id, truthX[i] + sigmaMetres * rng.nextGaussian(),
                        truthY[i] + sigmaMetres * rng.nextGaussian(), sigmaMetres));
            }
        }
        int clutter = Poisson.sample(clutterPerScan, rng);
        for (int k = 0; k < clutter; k++) {
            double rho = footprintRadiusMetres * Math.sqrt(rng.nextDouble()), phi = rng.nextDouble(0, 2 * Math.PI);
            ds.add(Detection.position(t, id, c[0] + rho * Math.cos(phi), c[1] + rho * Math.sin(phi), sigmaMetres));
        }
        Collections.shuffle(ds, rng);
        return new Frame(t, id, ds, (x, y) -> (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) <= r2 ? detectionProbability : 0);
    }
}
