package org.vigil.sim.truth;

import java.util.random.RandomGenerator;

/**
 * A ground vehicle that drives straight legs joined by coordinated turns: a leg lasts a random
 * time in {@code [legMinSeconds, legMaxSeconds]}, then the vehicle turns at a random rate up to
 * {@code maxTurnRateRadiansPerSecond} (either way) for 5-20 s. The speed drifts as a random walk
 * with {@code speedNoiseMetresPerSecondPerRootSecond} and is kept within {@code [minSpeed, maxSpeed]}.
 */
public final class GroundVehicle implements Mover {

    private final double minSpeedMetresPerSecond;
    private final double maxSpeedMetresPerSecond;
    private final double maxTurnRateRadiansPerSecond;
    private final double legMinSeconds;
    private final double legMaxSeconds;
    private final double speedNoise;

    private double x;
    private double y;
    private double heading;
    private double speed;
    private double turnRate;
    private double phaseLeftSeconds;

    /**
     * @param xMetres                       start east position, m
     * @param yMetres                       start north position, m
     * @param headingRadians                start heading, counter-clockwise from east, rad
     * @param speedMetresPerSecond          start speed, m/s
     * @param minSpeedMetresPerSecond       slowest, m/s
     * @param maxSpeedMetresPerSecond       fastest, m/s
     * @param maxTurnRateRadiansPerSecond   sharpest turn, rad/s
     * @param legMinSeconds                 shortest straight leg, s
     * @param legMaxSeconds                 longest straight leg, s
     * @param speedNoiseMetresPerSecondPerRootSecond speed random-walk intensity, m/s per sqrt(s)
     * @param rng                           draws the first leg length
     */
    public GroundVehicle(double xMetres, double yMetres, double headingRadians, double speedMetresPerSecond,
                         double minSpeedMetresPerSecond, double maxSpeedMetresPerSecond,
                         double maxTurnRateRadiansPerSecond, double legMinSeconds, double legMaxSeconds,
                         double speedNoiseMetresPerSecondPerRootSecond, RandomGenerator rng) {
        this.x = xMetres;
        this.y = yMetres;
        this.heading = headingRadians;
        this.speed = speedMetresPerSecond;
        this.minSpeedMetresPerSecond = minSpeedMetresPerSecond;
        this.maxSpeedMetresPerSecond = maxSpeedMetresPerSecond;
        this.maxTurnRateRadiansPerSecond = maxTurnRateRadiansPerSecond;
        this.legMinSeconds = legMinSeconds;
        this.legMaxSeconds = legMaxSeconds;
        this.speedNoise = speedNoiseMetresPerSecondPerRootSecond;
        this.phaseLeftSeconds = rng.nextDouble(legMinSeconds, legMaxSeconds);
    }

    @Override
    public void step(double dt, RandomGenerator rng) {
        if (turnRate == 0) {
            x += speed * Math.cos(heading) * dt;
            y += speed * Math.sin(heading) * dt;
        } else {
            // exact arc at constant speed and turn rate
            double h1 = heading + turnRate * dt;
            x += speed / turnRate * (Math.sin(h1) - Math.sin(heading));
            y += speed / turnRate * (Math.cos(heading) - Math.cos(h1));
            heading = h1;
        }
        speed = Math.clamp(speed + speedNoise * Math.sqrt(dt) * rng.nextGaussian(), minSpeedMetresPerSecond, maxSpeedMetresPerSecond);
        phaseLeftSeconds -= dt;
        if (phaseLeftSeconds <= 0) {
            if (turnRate == 0 && maxTurnRateRadiansPerSecond > 0) {
                turnRate = rng.nextDouble(0.2, 1.0) * maxTurnRateRadiansPerSecond * (rng.nextBoolean() ? 1 : -1);
                phaseLeftSeconds = rng.nextDouble(5, 20);
            } else {
                turnRate = 0;
                phaseLeftSeconds = rng.nextDouble(legMinSeconds, legMaxSeconds);
            }
        }
    }

    @Override
    public double xMetres() {
        return x;
    }

    @Override
    public double yMetres() {
        return y;
    }

    @Override
    public double vxMetresPerSecond() {
        return speed * Math.cos(heading);
    }

    @Override
    public double vyMetresPerSecond() {
        return speed * Math.sin(heading);
    }
}
