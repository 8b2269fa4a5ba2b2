package org.vigil.sim.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;

/**
 * A ground observation post: soldiers with optics and a laser range-finder at a fixed point,
 * seeing targets out to {@code rangeMetres}, reporting every {@code revisitSeconds}. Each target
 * in range is seen with probability {@code detectionProbability}; its reported position has range
 * error {@code rangeSigmaMetres} along the line of sight and bearing error
 * {@code bearingSigmaRadians} across it (so the error ellipse, reported as the detection's
 * covariance, widens with range). No clutter.
 *
 * @param id                   sensor id
 * @param xMetres              post east position, m
 * @param yMetres              post north position, m
 * @param rangeMetres          how far the post sees, m
 * @param detectionProbability probability of seeing a target in range
 * @param rangeSigmaMetres     range error std, m
 * @param bearingSigmaRadians  bearing error std, rad
 * @param revisitSeconds       time between reports, s
 */
public record ObservationPost(int id, double xMetres, double yMetres, double rangeMetres, double detectionProbability,
                              double rangeSigmaMetres, double bearingSigmaRadians, double revisitSeconds) implements Sensor {

    public ObservationPost {
        if (!(rangeMetres > 0) || !(rangeSigmaMetres > 0) || !(bearingSigmaRadians > 0) || !(revisitSeconds > 0)
                || !(detectionProbability >= 0 && detectionProbability <= 1)) {
            throw new IllegalArgumentException("invalid observation post parameters");
        }
    }

    @Override
    public boolean looksAt(double timeSeconds) {
        return Revisit.due(timeSeconds, revisitSeconds, 0);
    }

    @Override
    public Frame observe(double t, double[] truthX, double[] truthY, double[] truthVx, double[] truthVy, RandomGenerator rng) {
        List<Detection> ds = new ArrayList<>();
        for (int i = 0; i < truthX.length; i++) {
            double dx = truthX[i] - xMetres, dy = truthY[i] - yMetres;
            double r = Math.hypot(dx, dy);
            if (r > rangeMetres || r < 1 || rng.nextDouble() >= detectionProbability) {
                continue;
            }
            double b = Math.atan2(dy, dx);
            double rm = r + rangeSigmaMetres * rng.nextGaussian(), bm = b + bearingSigmaRadians * rng.nextGaussian();
            // covariance: radial variance along (cos b, sin b), cross-range variance (r sigma_b)^2 across
            double vr = rangeSigmaMetres * rangeSigmaMetres, vc = r * bearingSigmaRadians * r * bearingSigmaRadians;
            double c = Math.cos(bm), s = Math.sin(bm);
            ds.add(new Detection(t, id, xMetres + rm * c, yMetres + rm * s, vr * c * c + vc * s * s, (vr - vc) * c * s,
                    vr * s * s + vc * c * c, null));
        }
        return new Frame(t, id, ds, (x, y) -> Math.hypot(x - xMetres, y - yMetres) <= rangeMetres ? detectionProbability : 0);
    }
}
