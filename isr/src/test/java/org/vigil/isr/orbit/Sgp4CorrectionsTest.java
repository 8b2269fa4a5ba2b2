package org.vigil.isr.orbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.DeepSDP4;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.utils.PVCoordinates;

/**
 * The corrections of {@link CheckedSdp4} are each needed, and change only the cases they are
 * for. Plain Orekit 13.1.2 ({@link TLEPropagator#selectExtrapolator}) is compared with Vigil's
 * {@link Sgp4} on every reference row of the verification set: they differ by more than 1 km
 * exactly on 33333 (epoch semi-major axis) and the second 20413 entry (Lyddane choice), where
 * Vigil is within 10 cm of Vallado's vectors; by metres on 33335 (mean eccentricity floor);
 * and by under a millimetre everywhere else. Removing any of the three corrections (or an
 * Orekit release that adopts the reference's formulas) makes this test fail.
 */
class Sgp4CorrectionsTest {

    /** Vigil's SGP4 against plain Orekit, worst position difference (km) per case. */
    @Test
    void correctionsChangeExactlyTheCasesTheyAreFor() throws IOException {
        List<TleEntry> tles = new TleReader(false).parse(Sgp4VerificationTest.resource("SGP4-VER.TLE"), "SGP4-VER.TLE");
        List<Sgp4VerificationTest.Block> blocks = Sgp4VerificationTest.reference();
        Frame teme = OrekitData.bundled().teme();
        Map<String, Double> plainVsVigilKm = new LinkedHashMap<>();
        Map<String, Double> plainVsReferenceKm = new LinkedHashMap<>();
        Map<String, Double> vigilVsReferenceKm = new LinkedHashMap<>();
        Map<Integer, Integer> seen = new TreeMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            TleEntry e = tles.get(i);
            String key = e.satnum() + (seen.merge(e.satnum(), 1, Integer::sum) > 1 ? "#2" : "");
            if (key.equals("33334")) {
                continue; // fails at epoch in both
            }
            TLEPropagator plain = TLEPropagator.selectExtrapolator(e.tle(), teme);
            Sgp4 vigil = new Sgp4(e);
            for (Sgp4VerificationTest.Row r : blocks.get(i).rows()) {
                PVCoordinates p = plain.getPVCoordinates(e.tle().getDate().shiftedBy(r.minutes() * 60));
                Vector3D plainKm = p.getPosition().scalarMultiply(1e-3);
                TemeState s = vigil.at(r.minutes());
                Vector3D vigilKm = new Vector3D(s.xKm(), s.yKm(), s.zKm());
                Vector3D referenceKm = new Vector3D(r.v()[0], r.v()[1], r.v()[2]);
                plainVsVigilKm.merge(key, plainKm.distance(vigilKm), Math::max);
                plainVsReferenceKm.merge(key, plainKm.distance(referenceKm), Math::max);
                vigilVsReferenceKm.merge(key, vigilKm.distance(referenceKm), Math::max);
            }
        }
        plainVsVigilKm.forEach((k, d) -> System.out.printf(Locale.ROOT,
                "  %-8s plain Orekit vs Vigil %.3e km; vs reference: plain %.3e km, Vigil %.3e km%n",
                k, d, plainVsReferenceKm.get(k), vigilVsReferenceKm.get(k)));

        for (String corrected : List.of("33333", "20413#2")) {
            assertThat(plainVsReferenceKm.get(corrected)).as("plain Orekit on %s", corrected).isGreaterThan(1.0);
            assertThat(vigilVsReferenceKm.get(corrected)).as("Vigil on %s", corrected)
                    .isLessThanOrEqualTo(Sgp4VerificationTest.POSITION_TOLERANCE_KM);
        }
        // Correction 1 (eccentricity floor before the lunar-solar periodics): 51 m on 33335.
        assertThat(plainVsVigilKm.get("33335")).isBetween(0.01, 0.1);
        plainVsVigilKm.keySet().removeAll(List.of("33333", "20413#2", "33335"));
        assertThat(plainVsVigilKm.values()).as("cases no correction is for").allSatisfy(d -> assertThat(d).isLessThan(1e-6));
    }

    /**
     * Why each case needs its correction and no other: 33333 is the only case whose epoch
     * semi-major axes differ beyond rounding (its inclination is 96 degrees, so it never comes
     * near Lyddane's branch), and the second 20413 entry is the only case whose perturbed
     * inclination falls to -0.2 rad (its a0'' agrees to rounding).
     */
    @Test
    void eachCorrectedCaseMeetsOnlyItsOwnCondition() throws IOException {
        List<TleEntry> tles = new TleReader(false).parse(Sgp4VerificationTest.resource("SGP4-VER.TLE"), "SGP4-VER.TLE");
        Frame teme = OrekitData.bundled().teme();
        Map<String, Double> mismatch = new LinkedHashMap<>();
        Map<String, Double> lowestInclination = new LinkedHashMap<>();
        List<Sgp4VerificationTest.Block> blocks = Sgp4VerificationTest.reference();
        for (int i = 0; i < tles.size(); i++) {
            TleEntry e = tles.get(i);
            String key = e.satnum() + (mismatch.containsKey(Integer.toString(e.satnum())) ? "#2" : "");
            OpenDeepSdp4 plain = new OpenDeepSdp4(e, teme);
            mismatch.put(key, FastMath.abs(plain.semiMajorAxisMismatch()));
            if (TLEPropagator.selectExtrapolator(e.tle(), teme) instanceof DeepSDP4 && !key.equals("33334")) {
                for (Sgp4VerificationTest.Row r : blocks.get(i).rows()) {
                    plain.getPVCoordinates(e.tle().getDate().shiftedBy(r.minutes() * 60));
                }
                lowestInclination.put(key, plain.lowestPerturbedInclination);
            }
        }
        System.out.println("|a0'' Orekit / reference - 1| per case: " + mismatch);
        System.out.println("lowest perturbed inclination (rad) per deep-space case: " + lowestInclination);
        assertThat(mismatch.remove("33333")).isGreaterThan(5e-4);
        assertThat(mismatch.values()).allSatisfy(m -> assertThat(m).isLessThan(1e-11));
        assertThat(lowestInclination.remove("20413#2")).isLessThanOrEqualTo(-CheckedSdp4.LYDDANE_INCLINATION);
        assertThat(lowestInclination.values()).allSatisfy(inc -> assertThat(inc).isGreaterThan(-CheckedSdp4.LYDDANE_INCLINATION));
    }

    /** Plain Orekit DeepSDP4, opened to read its epoch semi-major axis and perturbed inclination. */
    static final class OpenDeepSdp4 extends DeepSDP4 {
        double lowestPerturbedInclination = Double.POSITIVE_INFINITY;

        OpenDeepSdp4(TleEntry e, Frame teme) {
            super(e.tle(), new FrameAlignedProvider(teme), DEFAULT_MASS, teme);
        }

        /** Orekit's a0'' (Spacetrack Report #3) over the reference's (ke / n0'')^(2/3), minus one. */
        double semiMajorAxisMismatch() {
            return a0dp / FastMath.pow(TLEConstants.XKE / xn0dp, 2.0 / 3.0) - 1;
        }

        @Override
        protected void deepPeriodicEffects(double t) {
            super.deepPeriodicEffects(t);
            lowestPerturbedInclination = Math.min(lowestPerturbedInclination, xinc);
        }
    }
}
