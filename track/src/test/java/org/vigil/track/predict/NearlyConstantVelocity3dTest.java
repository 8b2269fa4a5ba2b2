package org.vigil.track.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrix6;
import org.ejml.data.DMatrix6x6;
import org.junit.jupiter.api.Test;
import org.vigil.track.model.NearlyConstantVelocity3d;

/** The 3D NCV model: one prediction step checked by hand. */
class NearlyConstantVelocity3dTest {

    @Test
    void predictionStepByHand() {
        NearlyConstantVelocity3d m = new NearlyConstantVelocity3d(0.6, 0.3);
        DMatrix6 mean = new DMatrix6(0, 10, 5, -2, 100, 1);
        DMatrix6x6 p = new DMatrix6x6();
        for (int i = 0; i < 6; i++) {
            p.set(i, i, i % 2 == 0 ? 100 : 4);
        }
        DMatrix6 mOut = new DMatrix6();
        DMatrix6x6 pOut = new DMatrix6x6();
        m.predict(mean, p, 2, mOut, pOut);
        // positions move by v dt: x = 20, y = 1, z = 102
        assertThat(mOut.a1).isCloseTo(20, within(1e-12));
        assertThat(mOut.a3).isCloseTo(1, within(1e-12));
        assertThat(mOut.a5).isCloseTo(102, within(1e-12));
        // Pxx = 100 + dt^2 * 4 + q dt^3 / 3 = 100 + 16 + 0.6 * 8 / 3 = 117.6
        assertThat(pOut.get(0, 0)).isCloseTo(117.6, within(1e-12));
        // Pxv = dt * 4 + q dt^2 / 2 = 8 + 1.2 = 9.2; Pvv = 4 + q dt = 5.2
        assertThat(pOut.get(0, 1)).isCloseTo(9.2, within(1e-12));
        assertThat(pOut.get(1, 1)).isCloseTo(5.2, within(1e-12));
        // vertical uses its own q: Pzz = 100 + 16 + 0.3 * 8 / 3 = 116.8, Pvz = 4 + 0.6
        assertThat(pOut.get(4, 4)).isCloseTo(116.8, within(1e-12));
        assertThat(pOut.get(5, 5)).isCloseTo(4.6, within(1e-12));
        // axes stay independent
        assertThat(pOut.get(0, 4)).isZero();
        assertThat(pOut.get(1, 2)).isZero();
    }
}
