package org.vigil.cot.event;

/**
 * The {@code <point>} of an event: WGS84 position in degrees, height above the ellipsoid
 * and 1-sigma errors in metres. {@link #UNKNOWN} (9999999.0) marks an unknown height or
 * error; any input value at or above 999999 is normalised to it.
 *
 * @param latDeg     latitude, degrees, -90..90
 * @param lonDeg     longitude, degrees, -180..180
 * @param haeMetres  height above the WGS84 ellipsoid, metres, or {@link #UNKNOWN}
 * @param ceMetres   circular (horizontal) error, metres, or {@link #UNKNOWN}
 * @param leMetres   linear (vertical) error, metres, or {@link #UNKNOWN}
 */
public record CotPoint(double latDeg, double lonDeg, double haeMetres, double ceMetres, double leMetres) {

    /** The CoT sentinel for an unknown height or error, as ATAK and TAK Server write it. */
    public static final double UNKNOWN = 9999999.0;
    private static final double UNKNOWN_THRESHOLD = 999999.0;

    /** The dummy point of non-spatial messages (pings, protocol control). */
    public static final CotPoint NONE = new CotPoint(0, 0, 0, UNKNOWN, UNKNOWN);

    public CotPoint {
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new IllegalArgumentException("latitude out of range -90..90: " + latDeg);
        }
        if (!(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("longitude out of range -180..180: " + lonDeg);
        }
        haeMetres = normalise("hae", haeMetres);
        ceMetres = normalise("ce", ceMetres);
        leMetres = normalise("le", leMetres);
    }

    private static double normalise(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " is not a finite number: " + v);
        }
        return v >= UNKNOWN_THRESHOLD ? UNKNOWN : v;
    }
}
