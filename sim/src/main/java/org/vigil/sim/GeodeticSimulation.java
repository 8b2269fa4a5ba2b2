package org.vigil.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.vigil.sim.sensor.Sensor;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.site.Site;
import org.vigil.track.geo.GeodeticFrame;
import org.vigil.track.geo.LocalTangentPlane;
import org.vigil.track.geo.ReportProjection;
import org.vigil.track.model.Frame;
import org.vigil.track.model.Region;

/**
 * The ground-vehicle {@link Simulation} placed on the Earth: its local region is laid in the
 * {@link LocalTangentPlane} at {@code centre} (x east, y north), and truth and reports come out
 * in WGS84 at the ground height (report covariances in the local east-north axes at each
 * report). Deterministic from the settings' seed, like the planar simulation it wraps.
 *
 * <p>{@link #overTheatre} places it on a theatre and checks that the whole region lies inside the
 * theatre's border, so vehicles drive on the country's ground.
 */
public final class GeodeticSimulation implements Iterator<GeodeticScan> {

    /** The site of the bundled Ukraine theatre the default area is centred on (west of Kyiv, away from the contact line). */
    public static final String DEFAULT_SITE_ID = "city-zhytomyr";

    /** Ellipsoidal height of the ground assumed over a theatre (the central Ukrainian plain, about), m. */
    public static final double GROUND_HEIGHT_METRES = 150;

    private final Simulation planar;
    private final LocalTangentPlane plane;
    private final ReportProjection projection;

    /**
     * @param settings            the planar simulation
     * @param centre              where the plane's origin (the region's (0, 0)) lies
     * @param groundHeightMetres  ellipsoidal height of the ground, m
     */
    public GeodeticSimulation(SimulationSettings settings, GeoPoint centre, double groundHeightMetres) {
        this(new Simulation(settings), centre, groundHeightMetres);
    }

    /**
     * The same seen by {@code sensors} (drone video, GMTI, satellite passes, observation posts),
     * placed in the local region's plane.
     */
    public GeodeticSimulation(SimulationSettings settings, List<Sensor> sensors, GeoPoint centre, double groundHeightMetres) {
        this(new Simulation(settings, sensors), centre, groundHeightMetres);
    }

    private GeodeticSimulation(Simulation planar, GeoPoint centre, double groundHeightMetres) {
        this.planar = planar;
        this.plane = new LocalTangentPlane(centre.latitudeDeg(), centre.longitudeDeg(), groundHeightMetres);
        this.projection = new ReportProjection(plane, groundHeightMetres);
    }

    /**
     * A simulation over {@code theatre} centred on its site {@code siteId}, at ground height
     * {@link #GROUND_HEIGHT_METRES}; fails when a corner or edge
     * midpoint of the region falls outside the theatre's border.
     */
    public static GeodeticSimulation overTheatre(Theatre theatre, String siteId, SimulationSettings settings) {
        return overTheatre(theatre, siteId, settings, null);
    }

    /** The same seen by {@code sensors} instead of the settings' one wide-area sensor. */
    public static GeodeticSimulation overTheatre(Theatre theatre, String siteId, SimulationSettings settings, List<Sensor> sensors) {
        Site site = theatre.site(siteId).orElseThrow(() -> new IllegalArgumentException("no site '" + siteId + "' in " + theatre.name()));
        GeodeticSimulation sim = sensors == null ? new GeodeticSimulation(settings, site.location(), GROUND_HEIGHT_METRES)
                : new GeodeticSimulation(settings, sensors, site.location(), GROUND_HEIGHT_METRES);
        Region r = settings.region();
        double mx = 0.5 * (r.xMinMetres() + r.xMaxMetres()), my = 0.5 * (r.yMinMetres() + r.yMaxMetres());
        for (double x : new double[] {r.xMinMetres(), mx, r.xMaxMetres()}) {
            for (double y : new double[] {r.yMinMetres(), my, r.yMaxMetres()}) {
                double[] g = sim.plane.geodeticAtHeight(x, y, GROUND_HEIGHT_METRES);
                if (!theatre.isInside(GeoPoint.of(g[0], g[1]))) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "the %.0f km region around %s reaches outside %s at (%.4f, %.4f)",
                            (r.xMaxMetres() - r.xMinMetres()) / 1000, siteId, theatre.name(), g[0], g[1]));
                }
            }
        }
        return sim;
    }

    /** The tangent plane of the simulation's local region. */
    public LocalTangentPlane plane() {
        return plane;
    }

    @Override
    public boolean hasNext() {
        return planar.hasNext();
    }

    @Override
    public GeodeticScan next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SimulatedScan s = planar.next();
        int n = s.ids().length;
        double[] lat = new double[n], lon = new double[n];
        for (int i = 0; i < n; i++) {
            double[] g = plane.geodeticAtHeight(s.xMetres()[i], s.yMetres()[i], plane.originHeightMetres());
            lat[i] = g[0];
            lon[i] = g[1];
        }
        List<GeodeticFrame> frames = new ArrayList<>(s.frames().size());
        for (Frame f : s.frames()) {
            frames.add(projection.toGeodetic(f));
        }
        return new GeodeticScan(s.index(), s.timeSeconds(), s.ids(), lat, lon, frames);
    }
}
