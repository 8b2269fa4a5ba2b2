package org.vigil.sim.sensor;

import java.util.random.RandomGenerator;
import org.vigil.track.model.Frame;

/** A sensor model: turns the true target positions at a scan time into the sensor's frame of detections. */
public interface Sensor {

    /** The sensor's id in the detection stream (1-based). */
    int id();

    /** Whether the sensor reports at this time (its revisit). */
    boolean looksAt(double timeSeconds);

    /**
     * The frame at {@code timeSeconds}: each target in the footprint detected with the sensor's
     * probability, with Gaussian position error, plus clutter; in random order.
     */
    Frame observe(double timeSeconds, double[] truthX, double[] truthY, double[] truthVx, double[] truthVy, RandomGenerator rng);
}
