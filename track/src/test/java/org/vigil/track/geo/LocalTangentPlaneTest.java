package org.vigil.track.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

/** The local tangent plane against WGS84 reference values and GeographicLib's geodesics, and its round trips. */
class LocalTangentPlaneTest {

    private static final LocalTangentPlane KYIV = new LocalTangentPlane(50.45, 30.52, 150);

    @Test
    void ecefOfReferencePoints() {
        double[] equator = LocalTangentPlane.ecef(0, 0, 0);
        assertThat(equator[0]).isCloseTo(6_378_137.0, within(1e-6));
        assertThat(equator[1]).isCloseTo(0, within(1e-6));
        double[] pole = LocalTangentPlane.ecef(90, 0, 0);
        // WGS84 semi-minor axis b = a (1 - f) = 6 356 752.314 245 m
        assertThat(pole[2]).isCloseTo(6_356_752.314245, within(1e-5));
        assertThat(pole[0]).isCloseTo(0, within(1e-6));
        double[] east = LocalTangentPlane.ecef(0, 90, 1000);
        assertThat(east[1]).isCloseTo(6_379_137.0, within(1e-6));
    }

    @Test
    void originIsZeroAndAxesPointEastNorthUp() {
        assertThat(KYIV.enu(50.45, 30.52, 150)).containsExactly(new double[] {0, 0, 0}, within(1e-6));
        double[] up = KYIV.enu(50.45, 30.52, 1150);
        assertThat(up).containsExactly(new double[] {0, 0, 1000}, within(1e-6));
        // 1 km north along the meridian (GeographicLib geodesic), then 1 km east
        GeodesicData north = Geodesic.WGS84.Direct(50.45, 30.52, 0, 1000);
        double[] n = KYIV.enu(north.lat2, north.lon2, 150);
        assertThat(n[0]).isCloseTo(0, within(1e-6));
        // 150 m above the ellipsoid the arc is longer by h / R (the meridian radius of curvature here is 6 372 km)
        assertThat(n[1]).isCloseTo(1000 * (1 + 150 / 6_372_000.0), within(1e-3));
        assertThat(n[2]).isCloseTo(-1000.0 * 1000 / (2 * 6_375_000), within(0.01)); // the surface drops d^2/2R
        GeodesicData east = Geodesic.WGS84.Direct(50.45, 30.52, 90, 1000);
        double[] e = KYIV.enu(east.lat2, east.lon2, 150);
        assertThat(e[0]).isCloseTo(1000 * (1 + 150 / 6_390_000.0), within(1e-3));
        assertThat(e[1]).isCloseTo(0, within(0.01));
    }

    @Test
    void chordsAgreeWithGeodesicDistances() {
        // for points 5 km apart the 3D chord and the geodesic differ by d^3/(24 R^2) ~ 1e-4 m
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            double lat = rng.nextDouble(44, 52), lon = rng.nextDouble(22, 40);
            GeodesicData d = Geodesic.WGS84.Direct(lat, lon, rng.nextDouble(0, 360), 5000);
            double[] a = KYIV.enu(lat, lon, 0), b = KYIV.enu(d.lat2, d.lon2, 0);
            double chord = Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
            assertThat(chord).isCloseTo(5000, within(1e-3));
        }
    }

    @Test
    void roundTripsEnuAndWgs84() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 1000; i++) {
            double lat = rng.nextDouble(45, 56), lon = rng.nextDouble(24, 37), h = rng.nextDouble(-100, 12_000);
            double[] enu = KYIV.enu(lat, lon, h);
            double[] back = KYIV.geodetic(enu[0], enu[1], enu[2]);
            assertThat(back[0]).isCloseTo(lat, within(1e-10));
            assertThat(back[1]).isCloseTo(lon, within(1e-10));
            assertThat(back[2]).isCloseTo(h, within(1e-5));
            // the 2D projection (east, north) at a known height inverts too
            double[] surface = KYIV.geodeticAtHeight(enu[0], enu[1], h);
            assertThat(surface[0]).isCloseTo(lat, within(1e-10));
            assertThat(surface[1]).isCloseTo(lon, within(1e-10));
            assertThat(surface[2]).isCloseTo(h, within(1e-5));
        }
    }

    @Test
    void localAxesRotateByTheMeridianConvergence() {
        assertThat(KYIV.localToPlane(50.45, 30.52)).containsExactly(new double[] {1, 0, 0, 1}, within(1e-12));
        // 2 degrees of longitude east, the meridians converge: the local east is turned towards the
        // plane's north by about dlon sin(lat)
        double[] j = KYIV.localToPlane(50.45, 32.52);
        double gamma = Math.toRadians(2) * Math.sin(Math.toRadians(50.45));
        assertThat(Math.atan2(j[2], j[0])).isCloseTo(gamma, within(2e-4));
        assertThat(j[0] * j[3] - j[1] * j[2]).isCloseTo(1, within(1e-3));
    }

    private static double sq(double v) {
        return v * v;
    }
}
