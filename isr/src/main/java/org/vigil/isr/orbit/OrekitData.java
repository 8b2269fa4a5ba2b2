package org.vigil.isr.orbit;

import org.orekit.bodies.AnalyticalSolarPositionProvider;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.data.ClasspathCrawler;
import org.orekit.data.DataContext;
import org.orekit.data.LazyLoadedDataContext;
import org.orekit.frames.Frame;
import org.orekit.time.TimeScale;
import org.orekit.utils.Constants;
import org.orekit.utils.ExtendedPositionProvider;
import org.orekit.utils.IERSConventions;

/**
 * The Orekit data Vigil needs, built from files bundled in this module (see
 * {@code orekit-data/SOURCES.md}) and held in a {@link DataContext} of our own, not in
 * Orekit's global default context: nothing is read from the network or from
 * {@code orekit-data} folders.
 *
 * <ul>
 *   <li>UTC-TAI: the leap-second history ({@code tai-utc.dat}, USNO format), so UTC is
 *       exact for every date since 1961.</li>
 *   <li>Earth orientation: none is bundled, so Orekit applies zero corrections
 *       (UT1 = UTC, no polar motion, no nutation corrections). UT1-UTC stays within
 *       ±0.9 s by definition, which turns the Earth by at most 0.4 km at the equator (about
 *       0.27 km at 50° N); polar motion is under 15 m. For pass times that is under 0.1 s;
 *       for access geometry well under the swaths and ranges planned with.</li>
 *   <li>The Sun: Orekit's analytical solar position (no JPL ephemerides needed), accurate
 *       to about 0.01°, ample for "is it daylight".</li>
 * </ul>
 *
 * Frames: TEME (SGP4's output frame) and ITRF (IERS 2010 conventions, simple EOP
 * interpolation) with the WGS84 ellipsoid for ground positions.
 */
public final class OrekitData {

    static final String RESOURCE_DIR = "org/vigil/isr/orekit-data/";

    private final DataContext context;
    private final TimeScale utc;
    private final Frame teme;
    private final Frame itrf;
    private final OneAxisEllipsoid earth;
    private final ExtendedPositionProvider sun;

    private OrekitData() {
        LazyLoadedDataContext ctx = new LazyLoadedDataContext();
        ctx.getDataProvidersManager().addProvider(
                new ClasspathCrawler(OrekitData.class.getClassLoader(), RESOURCE_DIR + "tai-utc.dat"));
        this.context = ctx;
        this.utc = ctx.getTimeScales().getUTC();
        this.teme = ctx.getFrames().getTEME();
        this.itrf = ctx.getFrames().getITRF(IERSConventions.IERS_2010, true);
        this.earth = new OneAxisEllipsoid(Constants.WGS84_EARTH_EQUATORIAL_RADIUS, Constants.WGS84_EARTH_FLATTENING, itrf);
        this.sun = new AnalyticalSolarPositionProvider(ctx);
    }

    private static final class Holder {
        // Immutable once built; shared because loading the frames takes a second.
        static final OrekitData INSTANCE = new OrekitData();
    }

    /** The bundled data (built once, immutable). */
    public static OrekitData bundled() {
        return Holder.INSTANCE;
    }

    public DataContext context() {
        return context;
    }

    public TimeScale utc() {
        return utc;
    }

    public Frame teme() {
        return teme;
    }

    public Frame itrf() {
        return itrf;
    }

    /** WGS84 in ITRF. */
    public OneAxisEllipsoid earth() {
        return earth;
    }

    public ExtendedPositionProvider sun() {
        return sun;
    }
}
