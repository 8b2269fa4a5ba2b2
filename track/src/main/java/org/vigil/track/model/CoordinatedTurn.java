package org.vigil.track.model;

import org.ejml.data.DMatrix4x4;

/**
 * Coordinated turn at a known, constant turn rate {@code omega} (rad/s, positive
 * counter-clockwise), with the same white-acceleration noise as {@link NearlyConstantVelocity}.
 *
 * <p>With {@code s = sin(omega dt)}, {@code c = cos(omega dt)} and state {@code [x, vx, y, vy]}:
 * <pre>
 * F = [[1, s/omega,       0, -(1-c)/omega],
 *      [0, c,             0, -s          ],
 *      [0, (1-c)/omega,   1, s/omega     ],
 *      [0, s,             0, c           ]]
 * </pre>
 * which rotates the velocity by {@code omega dt} and moves the position along the arc
 * (Bar-Shalom, Li and Kirubarajan, <i>Estimation with Applications to Tracking and Navigation</i>,
 * 11.7.1). With a fixed turn rate the model stays linear, so the Kalman filter applies; an IMM of
 * NCV and a left and a right turn covers manoeuvring vehicles.
 *
 * @param turnRateRadiansPerSecond the turn rate, rad/s (non-zero)
 * @param qMetres2PerSecond3       acceleration noise spectral density per axis, m^2/s^3
 */
public record CoordinatedTurn(double turnRateRadiansPerSecond, double qMetres2PerSecond3) implements MotionModel {

    public CoordinatedTurn {
        if (turnRateRadiansPerSecond == 0 || !Double.isFinite(turnRateRadiansPerSecond)) {
            throw new IllegalArgumentException("turn rate must be finite and non-zero (use NearlyConstantVelocity)");
        }
    }

    @Override
    public DMatrix4x4 transition(double dtSeconds) {
        double w = turnRateRadiansPerSecond;
        double s = Math.sin(w * dtSeconds), c = Math.cos(w * dtSeconds);
        DMatrix4x4 f = new DMatrix4x4();
        f.a11 = 1;
        f.a12 = s / w;
        f.a14 = -(1 - c) / w;
        f.a22 = c;
        f.a24 = -s;
        f.a32 = (1 - c) / w;
        f.a33 = 1;
        f.a34 = s / w;
        f.a42 = s;
        f.a44 = c;
        return f;
    }

    @Override
    public DMatrix4x4 processNoise(double dtSeconds) {
        return new NearlyConstantVelocity(qMetres2PerSecond3).processNoise(dtSeconds);
    }
}
