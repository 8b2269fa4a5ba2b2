package org.vigil.isr.orbit;

import java.util.Locale;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.frames.Frame;
import org.orekit.propagation.Propagator;
import org.orekit.propagation.analytical.tle.DeepSDP4;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Orekit's deep-space SDP4 with the mean-eccentricity handling of Vallado's reference code
 * (AIAA 2006-6753, {@code sgp4()}), which Orekit's {@code SDP4.sxpPropagate} leaves out.
 *
 * <p>After the secular and drag updates, and before the lunar-solar periodics are added,
 * the reference checks the mean eccentricity against [-0.001, 1) (error 1) and raises it
 * to at least 1e-6 ("fix tolerance to avoid a divide by zero"). Orekit's near-Earth SGP4
 * does the same floor; its SDP4 does neither, so for a near-circular deep-space orbit it adds
 * the lunar-solar periodics to the raw mean eccentricity. For the geostationary case 33335 of
 * the verification set (e = 4e-7) that shifts the state by 6e-7 in eccentricity: up to 51 m
 * and 1.8 mm/s from the reference. Orekit calls {@link #deepPeriodicEffects} exactly at the
 * reference's check point (after {@code em -= B* C4 t}), so applying the check there, then
 * Orekit's own periodics, reproduces the reference's order of operations.
 */
final class CheckedSdp4 extends DeepSDP4 {

    /** Vallado's floor on the mean eccentricity before the lunar-solar periodics. */
    static final double MIN_MEAN_ECCENTRICITY = 1.0e-6;

    CheckedSdp4(TLE tle, Frame teme) {
        super(tle, new FrameAlignedProvider(teme), Propagator.DEFAULT_MASS, teme);
    }

    @Override
    protected void deepPeriodicEffects(double tSinceMinutes) {
        if (em >= 1.0 || em < -0.001) {
            throw new Sgp4Exception(tle.getSatelliteNumber(), tSinceMinutes, String.format(Locale.ROOT,
                    "mean eccentricity %.5f is out of range [-0.001, 1)", em));
        }
        if (em < MIN_MEAN_ECCENTRICITY) {
            em = MIN_MEAN_ECCENTRICITY;
        }
        super.deepPeriodicEffects(tSinceMinutes);
    }
}
