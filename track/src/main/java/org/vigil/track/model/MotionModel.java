package org.vigil.track.model;

import org.ejml.data.DMatrix4x4;

/**
 * A linear(ised) Gauss-Markov motion model for the state {@code [x, vx, y, vy]}:
 * {@code x(t + dt) = F(dt) x(t) + w}, {@code w ~ N(0, Q(dt))}.
 */
public interface MotionModel {

    /** The transition matrix {@code F(dt)}; {@code dtSeconds} may be zero or negative (retrodiction). */
    DMatrix4x4 transition(double dtSeconds);

    /** The process noise covariance {@code Q(dt)}, for {@code |dtSeconds|}. */
    DMatrix4x4 processNoise(double dtSeconds);
}
