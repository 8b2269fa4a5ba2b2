package org.vigil.track.predict;

import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.ejml.dense.fixed.CommonOps_DDF4;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.MotionModel;
import org.vigil.track.model.NearlyConstantVelocity;
import org.vigil.track.model.StateEstimate;

/**
 * Kalman prediction under a linear motion model: {@code m' = F m}, {@code P' = F P F^T + Q},
 * with {@code F = F(dt)} and {@code Q = Q(dt)} from the model and {@code dt} the time step.
 *
 * @param motionModel the motion model
 */
public record KalmanPredictor(MotionModel motionModel) implements Predictor {

    @Override
    public GaussianState predict(StateEstimate prior, double timeSeconds) {
        if (!(prior instanceof GaussianState g)) {
            throw new IllegalArgumentException("KalmanPredictor needs a GaussianState, got " + prior.getClass().getSimpleName());
        }
        return predict(g, timeSeconds, motionModel);
    }

    /** The Kalman prediction of {@code prior} to {@code timeSeconds} under {@code model}. */
    public static GaussianState predict(GaussianState prior, double timeSeconds, MotionModel model) {
        if (model instanceof NearlyConstantVelocity ncv) {
            return ncv.predict(prior, timeSeconds); // the same product, exploiting F's structure
        }
        double dt = timeSeconds - prior.timeSeconds();
        if (dt == 0) {
            return prior;
        }
        DMatrix4x4 f = model.transition(dt);
        DMatrix4 mean = new DMatrix4();
        CommonOps_DDF4.mult(f, prior.mean(), mean);
        DMatrix4x4 fp = new DMatrix4x4();
        CommonOps_DDF4.mult(f, prior.covariance(), fp);
        DMatrix4x4 cov = model.processNoise(dt);
        CommonOps_DDF4.multAddTransB(fp, f, cov);
        return new GaussianState(mean, cov, timeSeconds);
    }
}
