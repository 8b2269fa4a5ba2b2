package org.vigil.isr.orbit;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.errors.OrekitException;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.DeepSDP4;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * SGP4/SDP4 through Orekit's {@link TLEPropagator} (WGS-72 constants, TEME output),
 * for one element set.
 *
 * <p>Orekit raises its own errors for orbits SGP4 cannot handle (eccentricity out of
 * range, negative semi-latus rectum). The one check of Vallado's reference code that
 * Orekit does not make is decay: a position inside the Earth (radius under one WGS-72
 * Earth radius, 6378.135 km) is reported as an error here, as Vallado's code does
 * (error 6), rather than as a state; both models also get the reference's mean
 * eccentricity check ({@link CheckedSgp4}, {@link CheckedSdp4}). For deep-space orbits
 * {@link CheckedSdp4} also follows the reference where Orekit's SDP4 uses another formula: the
 * 1e-6 eccentricity floor before the lunar-solar periodics, the epoch semi-major axis, and the
 * inclination below which Lyddane's form is used. Where Orekit's arithmetic breaks down (a
 * negative semi-latus rectum, an eccentricity out of range after perturbations) its
 * state is not finite, which is reported as an error too.
 */
public final class Sgp4 {

    /** WGS-72 equatorial radius, km (SGP4's Earth). */
    public static final double WGS72_EARTH_RADIUS_KM = 6378.135;

    private final TleEntry entry;
    private final TLEPropagator propagator;

    public Sgp4(TleEntry entry) {
        this.entry = entry;
        try {
            // Orekit's own choice (as the reference's): SDP4 when the period from the un-Kozai'd
            // mean motion is 225 minutes or more.
            Frame teme = OrekitData.bundled().teme();
            boolean deepSpace = TLEPropagator.selectExtrapolator(entry.tle(), teme) instanceof DeepSDP4;
            this.propagator = deepSpace ? new CheckedSdp4(entry.tle(), teme) : new CheckedSgp4(entry.tle(), teme);
        } catch (OrekitException e) {
            throw new Sgp4Exception(entry.satnum(), 0, TleReader.oneLine(e.getMessage()));
        }
    }

    /** The state at the given minutes since epoch; throws {@link Sgp4Exception} where SGP4 fails. */
    public TemeState at(double minutes) {
        AbsoluteDate t = entry.tle().getDate().shiftedBy(minutes * 60.0);
        PVCoordinates pv;
        try {
            pv = propagator.getPVCoordinates(t);
        } catch (OrekitException e) {
            throw new Sgp4Exception(entry.satnum(), minutes, TleReader.oneLine(e.getMessage()));
        } catch (Sgp4Exception e) {
            throw new Sgp4Exception(entry.satnum(), minutes, e.reason());
        }
        Vector3D p = pv.getPosition(), v = pv.getVelocity();
        if (!Double.isFinite(p.getNorm()) || !Double.isFinite(v.getNorm())) {
            throw new Sgp4Exception(entry.satnum(), minutes, "SGP4 gives no finite state (perturbed eccentricity or semi-latus rectum out of range)");
        }
        if (p.getNorm() / 1000.0 < WGS72_EARTH_RADIUS_KM) {
            throw new Sgp4Exception(entry.satnum(), minutes, String.format(java.util.Locale.ROOT,
                    "satellite decayed: orbit radius %.1f km is below one Earth radius", p.getNorm() / 1000.0));
        }
        return new TemeState(entry.satnum(), minutes, p.getX() / 1000, p.getY() / 1000, p.getZ() / 1000,
                v.getX() / 1000, v.getY() / 1000, v.getZ() / 1000);
    }

    public TLEPropagator propagator() {
        return propagator;
    }

    public TleEntry entry() {
        return entry;
    }
}
