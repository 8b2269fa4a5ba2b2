package org.vigil.isr.orbit;

import java.lang.reflect.Field;
import org.hipparchus.util.FastMath;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.frames.Frame;
import org.orekit.propagation.Propagator;
import org.orekit.propagation.analytical.tle.SGP4;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Orekit's near-Earth SGP4 with the one validity check of Vallado's reference code it
 * leaves out: the secular (mean) eccentricity must stay in [-0.001, 1). Orekit clamps a
 * negative mean eccentricity to 1e-6 and carries on, printing states the reference calls
 * error 1 ("mean eccentricity out of range"); cases 22312 and 28350 of the verification
 * set end that way.
 *
 * <p>The mean eccentricity at {@code t} is {@code e0 - B*(C4 t + C5 (sin M - sin M0))}
 * (Hoots and Roehrich, Spacetrack Report #3, eq. for {@code e} with drag), evaluated
 * from the coefficients Orekit itself initialised, so both checks use the same numbers.
 * Orekit keeps some of them private; they are read once by reflection, and when a later
 * Orekit renames them the check is skipped rather than guessed.
 */
final class CheckedSgp4 extends SGP4 {

    private final double[] coefficients; // omgcof, xmcof, delM0, c5, sinM0, lessThan220 (1/0); null if unreadable

    CheckedSgp4(TLE tle, Frame teme) {
        super(tle, new FrameAlignedProvider(teme), Propagator.DEFAULT_MASS, teme);
        this.coefficients = readCoefficients();
    }

    private double[] readCoefficients() {
        try {
            double[] c = new double[6];
            String[] names = {"omgcof", "xmcof", "delM0", "c5", "sinM0"};
            for (int k = 0; k < names.length; k++) {
                Field f = SGP4.class.getDeclaredField(names[k]);
                f.setAccessible(true);
                c[k] = f.getDouble(this);
            }
            Field simple = SGP4.class.getDeclaredField("lessThan220");
            simple.setAccessible(true);
            c[5] = simple.getBoolean(this) ? 1 : 0;
            return c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The secular eccentricity at tSince minutes, or NaN when the coefficients could not be read. */
    double meanEccentricity(double tSinceMinutes) {
        if (coefficients == null) {
            return Double.NaN;
        }
        double bstar = tle.getBStar(tle.getDate().shiftedBy(tSinceMinutes * 60));
        double tempe = bstar * c4 * tSinceMinutes;
        if (coefficients[5] == 0) {
            double xmdf = tle.getMeanAnomaly() + xmdot * tSinceMinutes;
            double delomg = coefficients[0] * tSinceMinutes;
            double delm = coefficients[1] * (FastMath.pow(1 + eta * FastMath.cos(xmdf), 3) - coefficients[2]);
            double mm = xmdf + delomg + delm;
            tempe += bstar * coefficients[3] * (FastMath.sin(mm) - coefficients[4]);
        }
        return tle.getE() - tempe;
    }

    @Override
    protected void sxpPropagate(double tSince) {
        double em = meanEccentricity(tSince);
        if (em >= 1.0 || em < -0.001) {
            throw new Sgp4Exception(tle.getSatelliteNumber(), tSince, String.format(java.util.Locale.ROOT,
                    "mean eccentricity %.5f is out of range [-0.001, 1)", em));
        }
        super.sxpPropagate(tSince);
    }
}
