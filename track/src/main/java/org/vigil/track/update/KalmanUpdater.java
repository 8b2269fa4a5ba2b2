package org.vigil.track.update;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.StateEstimate;

/**
 * Kalman update with a linear position measurement {@code z = H x + v}, {@code v ~ N(0, R)},
 * where {@code H} picks {@code (x, y)} from {@code [x, vx, y, vy]} and {@code R} is the
 * detection's own position covariance.
 *
 * <p>{@code S = H P H^T + R}, {@code K = P H^T S^-1}, {@code m' = m + K (z - H m)},
 * {@code P' = P - K S K^T} (symmetrised). A range-rate in the detection is ignored here; see
 * {@link ExtendedKalmanUpdater}.
 */
public final class KalmanUpdater implements Updater {

    @Override
    public Innovation innovation(StateEstimate predicted, Detection d) {
        GaussianState g = predicted.gaussian();
        DMatrix4x4 p = g.covariance();
        double s11 = p.a11 + d.varianceXxM2(), s12 = p.a13 + d.covarianceXyM2(), s22 = p.a33 + d.varianceYyM2();
        double det = s11 * s22 - s12 * s12;
        double nx = d.xMetres() - g.xMetres(), ny = d.yMetres() - g.yMetres();
        double d2 = (s22 * nx * nx - 2 * s12 * nx * ny + s11 * ny * ny) / det;
        return Innovation.of(d2, Math.log(det), 2);
    }

    @Override
    public GaussianState update(StateEstimate predicted, Detection d) {
        if (!(predicted instanceof GaussianState g)) {
            throw new IllegalArgumentException("KalmanUpdater needs a GaussianState; use ImmUpdater for an ImmState");
        }
        return update(g, d);
    }

    /** The position-measurement Kalman update of {@code g} with {@code d}. */
    public static GaussianState update(GaussianState g, Detection d) {
        DMatrix4x4 p = g.covariance();
        // P H^T: columns 0 and 2 of P
        double[] c0 = {p.a11, p.a21, p.a31, p.a41};
        double[] c1 = {p.a13, p.a23, p.a33, p.a43};
        double s11 = p.a11 + d.varianceXxM2(), s12 = p.a13 + d.covarianceXyM2(), s22 = p.a33 + d.varianceYyM2();
        double det = s11 * s22 - s12 * s12;
        double i11 = s22 / det, i12 = -s12 / det, i22 = s11 / det;
        double nx = d.xMetres() - g.xMetres(), ny = d.yMetres() - g.yMetres();
        double[] k0 = new double[4], k1 = new double[4];
        for (int i = 0; i < 4; i++) {
            k0[i] = c0[i] * i11 + c1[i] * i12;
            k1[i] = c0[i] * i12 + c1[i] * i22;
        }
        DMatrix4 m = g.mean();
        DMatrix4 mean = new DMatrix4(m.a1 + k0[0] * nx + k1[0] * ny, m.a2 + k0[1] * nx + k1[1] * ny,
                m.a3 + k0[2] * nx + k1[2] * ny, m.a4 + k0[3] * nx + k1[3] * ny);
        DMatrix4x4 cov = new DMatrix4x4();
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                // K S K^T = K (P H^T)^T
                double v = p.get(i, j) - (k0[i] * c0[j] + k1[i] * c1[j]);
                cov.set(i, j, v);
                cov.set(j, i, v);
            }
        }
        return new GaussianState(mean, cov, g.timeSeconds());
    }

    @Override
    public StateEstimate updateMixture(StateEstimate predicted, Detection[] detections, double[] weights, double missWeight) {
        return mixture(this, predicted, detections, weights, missWeight);
    }

    /** Moment-matched PDA mixture built from single-detection updates of {@code updater}. */
    static GaussianState mixture(Updater updater, StateEstimate predicted, Detection[] detections,
                                 double[] weights, double missWeight) {
        List<GaussianState> parts = new ArrayList<>(detections.length + 1);
        double[] w = new double[detections.length + 1];
        parts.add(predicted.gaussian());
        w[0] = missWeight;
        for (int k = 0; k < detections.length; k++) {
            parts.add(updater.update(predicted, detections[k]).gaussian());
            w[k + 1] = weights[k];
        }
        return GaussianState.mixture(parts, w);
    }
}
