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

    /**
     * The position-measurement Kalman update of {@code g} with {@code d}. Written out on scalars:
     * {@code P H^T} is columns 1 and 3 of {@code P}, so the gain is two 4-vectors, and the
     * posterior is its only allocation (the tracker updates a track per report).
     */
    public static GaussianState update(GaussianState g, Detection d) {
        DMatrix4x4 p = g.covariance();
        // P H^T: columns x and y of P
        double c01 = p.a11, c02 = p.a21, c03 = p.a31, c04 = p.a41;
        double c11 = p.a13, c12 = p.a23, c13 = p.a33, c14 = p.a43;
        double s11 = p.a11 + d.varianceXxM2(), s12 = p.a13 + d.covarianceXyM2(), s22 = p.a33 + d.varianceYyM2();
        double det = s11 * s22 - s12 * s12;
        double i11 = s22 / det, i12 = -s12 / det, i22 = s11 / det;
        double nx = d.xMetres() - g.xMetres(), ny = d.yMetres() - g.yMetres();
        // K = P H^T S^-1, as its two columns
        double k01 = c01 * i11 + c11 * i12, k02 = c02 * i11 + c12 * i12, k03 = c03 * i11 + c13 * i12,
                k04 = c04 * i11 + c14 * i12;
        double k11 = c01 * i12 + c11 * i22, k12 = c02 * i12 + c12 * i22, k13 = c03 * i12 + c13 * i22,
                k14 = c04 * i12 + c14 * i22;
        DMatrix4 m = g.mean();
        DMatrix4 mean = new DMatrix4(m.a1 + k01 * nx + k11 * ny, m.a2 + k02 * nx + k12 * ny,
                m.a3 + k03 * nx + k13 * ny, m.a4 + k04 * nx + k14 * ny);
        // P' = P - K S K^T = P - K (P H^T)^T, filled symmetric from the upper triangle
        DMatrix4x4 cov = new DMatrix4x4();
        cov.a11 = p.a11 - (k01 * c01 + k11 * c11);
        cov.a12 = cov.a21 = p.a12 - (k01 * c02 + k11 * c12);
        cov.a13 = cov.a31 = p.a13 - (k01 * c03 + k11 * c13);
        cov.a14 = cov.a41 = p.a14 - (k01 * c04 + k11 * c14);
        cov.a22 = p.a22 - (k02 * c02 + k12 * c12);
        cov.a23 = cov.a32 = p.a23 - (k02 * c03 + k12 * c13);
        cov.a24 = cov.a42 = p.a24 - (k02 * c04 + k12 * c14);
        cov.a33 = p.a33 - (k03 * c03 + k13 * c13);
        cov.a34 = cov.a43 = p.a34 - (k03 * c04 + k13 * c14);
        cov.a44 = p.a44 - (k04 * c04 + k14 * c14);
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
