package org.vigil.track.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrix4;
import org.ejml.data.DMatrix4x4;
import org.junit.jupiter.api.Test;
import org.vigil.track.model.Detection;
import org.vigil.track.model.GaussianState;
import org.vigil.track.model.RangeRate;

/** The GMTI range-rate EKF update against a geometry worked by hand. */
class ExtendedKalmanUpdaterTest {

    /** Target at (1000, 0) m moving at 0 m/s, sensor at the origin, still: the line of sight is the x axis. */
    private static GaussianState target() {
        DMatrix4x4 p = new DMatrix4x4();
        p.a11 = 100;
        p.a22 = 100;
        p.a33 = 100;
        p.a44 = 100;
        return new GaussianState(new DMatrix4(1000, 0, 0, 0), p, 0);
    }

    @Test
    void rangeRateAlongTheLineOfSightCorrectsOnlyTheRadialVelocity() {
        // measured rdot = 5 m/s (opening), sigma 1 m/s; H row = [0, 1, 0, 0] here (dvx = dvy = 0, dx = r)
        RangeRate rr = new RangeRate(5, 1, 0, 0, 0, 0);
        Detection z = new Detection(0, 1, 1000, 0, 100, 0, 100, rr);
        GaussianState post = new ExtendedKalmanUpdater().update(target(), z);
        // velocity x: gain 100 / (100 + 1), innovation 5
        assertThat(post.vxMetresPerSecond()).isCloseTo(5 * 100.0 / 101, within(1e-9));
        assertThat(post.covariance().a22).isCloseTo(100 - 100.0 * 100 / 101, within(1e-9));
        // the cross-range velocity is not observed by the range-rate
        assertThat(post.vyMetresPerSecond()).isCloseTo(0, within(1e-12));
        assertThat(post.covariance().a44).isCloseTo(100, within(1e-9));
        Innovation nu = new ExtendedKalmanUpdater().innovation(target(), z);
        assertThat(nu.dimension()).isEqualTo(3);
        assertThat(nu.mahalanobisSquared()).isCloseTo(25.0 / 101, within(1e-9));
    }

    @Test
    void withoutRangeRateItIsTheLinearUpdate() {
        Detection z = Detection.position(0, 1, 1010, 5, 10);
        GaussianState a = new ExtendedKalmanUpdater().update(target(), z);
        GaussianState b = new KalmanUpdater().update(target(), z);
        assertThat(a.xMetres()).isEqualTo(b.xMetres());
        assertThat(a.covariance().a11).isEqualTo(b.covariance().a11);
    }
}
