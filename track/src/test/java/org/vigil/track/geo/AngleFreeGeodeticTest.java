package org.vigil.track.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

/**
 * The angle-free ECEF-to-geodetic conversion and Newton solve of {@link LocalTangentPlane}
 * against the angle form it replaced (kept here, as {@link SlowReference}, verbatim in its
 * mathematics): within 1e-6 m and 1e-11 degrees for heights of -1 km to 20 km anywhere within
 * 2,000 km of the plane's origin (the geodesic distance, from GeographicLib), for origins from
 * the equator to the Arctic and across the antimeridian. GeographicLib-Java carries no
 * geocentric conversion, so the independent check is the forward map: the point found must
 * project back to the given east, north and height.
 */
class AngleFreeGeodeticTest {

    private static final double[][] ORIGINS = {{48.5, 31, 150}, {50.45, 30.52, 150}, {0.5, -60, 0}, {-33.9, 151.2, 40},
            {69.7, 18.9, 10}, {10, 179.5, 0}};

    @Test
    void ecefToGeodeticMatchesTheAngleForm() {
        SplittableRandom rng = new SplittableRandom(3);
        for (double[] o : ORIGINS) {
            for (int i = 0; i < 2_000; i++) {
                GeodesicData g = Geodesic.WGS84.Direct(o[0], o[1], rng.nextDouble(0, 360), rng.nextDouble(0, 2_000_000));
                double h = rng.nextDouble(-1_000, 20_000);
                double[] x = LocalTangentPlane.ecef(g.lat2, g.lon2, h);
                double[] fast = LocalTangentPlane.geodeticOfEcef(x[0], x[1], x[2]);
                double[] slow = SlowReference.geodeticOfEcef(x[0], x[1], x[2]);
                assertThat(fast[0]).isCloseTo(slow[0], within(1e-11));
                assertThat(fast[1]).isCloseTo(slow[1], within(1e-11));
                assertThat(fast[2]).isCloseTo(slow[2], within(1e-6));
                assertThat(fast[0]).isCloseTo(g.lat2, within(1e-11));
                assertThat(fast[2]).isCloseTo(h, within(1e-6));
            }
        }
    }

    @Test
    void pointAtHeightMatchesTheAngleFormAndProjectsBack() {
        SplittableRandom rng = new SplittableRandom(5);
        for (double[] o : ORIGINS) {
            LocalTangentPlane plane = new LocalTangentPlane(o[0], o[1], o[2]);
            for (int i = 0; i < 2_000; i++) {
                GeodesicData g = Geodesic.WGS84.Direct(o[0], o[1], rng.nextDouble(0, 360), rng.nextDouble(0, 2_000_000));
                double h = rng.nextDouble(-1_000, 20_000);
                double[] enu = plane.enu(g.lat2, g.lon2, h);
                GeodeticPosition fast = plane.positionAtHeight(enu[0], enu[1], h);
                // the angle form's Newton steps (slope 1) converge only linearly far out, and it
                // stopped at 1e-6 m, which leaves up to 1e-11 degrees: run it to 1e-8 m here
                double[] slow = SlowReference.geodeticAtHeight(plane, enu[0], enu[1], h, 200, 1e-8);
                assertThat(Math.abs(slow[2] - h)).isLessThanOrEqualTo(1e-8);
                assertThat(fast.latitudeDeg()).isCloseTo(slow[0], within(1e-12));
                assertThat(fast.longitudeDeg()).isCloseTo(slow[1], within(1e-12));
                assertThat(fast.heightMetres()).isCloseTo(slow[2], within(1e-7));
                assertThat(fast.heightMetres()).isCloseTo(h, within(1e-7));
                double[] back = plane.enu(fast.latitudeDeg(), fast.longitudeDeg(), fast.heightMetres());
                assertThat(back[0]).isCloseTo(enu[0], within(1e-6));
                assertThat(back[1]).isCloseTo(enu[1], within(1e-6));
                assertThat(fast.latitudeDeg()).isCloseTo(g.lat2, within(1e-11));
                assertThat(fast.longitudeDeg()).isCloseTo(g.lon2, within(1e-11));
                // the sines and cosines carried along are those of the angles
                assertThat(fast.sinLatitude()).isCloseTo(Math.sin(Math.toRadians(fast.latitudeDeg())), within(1e-14));
                assertThat(fast.cosLongitude()).isCloseTo(Math.cos(Math.toRadians(fast.longitudeDeg())), within(1e-14));
                assertThat(plane.localToPlane(fast))
                        .containsExactly(plane.localToPlane(fast.latitudeDeg(), fast.longitudeDeg()), within(1e-14));
            }
        }
    }

    @Test
    void theCurrentStepBudgetMeetsTheOldCodeWhereItConverged() {
        // the angle form as the tracker ran it (five Newton rounds, stopping at 1e-6 m); where
        // those reached that tolerance, the new result differs from it by no more than the old
        // code's own error: 1e-6 m in height (plus rounding) and 1e-11 degrees (1.1e-6 m)
        SplittableRandom rng = new SplittableRandom(9);
        LocalTangentPlane plane = new LocalTangentPlane(48.5, 31, 150);
        int compared = 0;
        for (int i = 0; i < 5_000; i++) {
            double e = rng.nextDouble(-1_000_000, 1_000_000), n = rng.nextDouble(-1_000_000, 1_000_000);
            double h = rng.nextDouble(-1_000, 20_000);
            double[] slow = SlowReference.geodeticAtHeight(plane, e, n, h, 5, 1e-6);
            if (Math.abs(slow[2] - h) > 1e-6) {
                continue;
            }
            compared++;
            double[] fast = plane.geodeticAtHeight(e, n, h);
            assertThat(fast[0]).isCloseTo(slow[0], within(1e-11));
            assertThat(fast[1]).isCloseTo(slow[1], within(1e-11));
            assertThat(fast[2]).isCloseTo(slow[2], within(1e-6 + 2e-8));
        }
        assertThat(compared).isGreaterThan(4_000);
    }

    @Test
    void ecefToGeodeticIsExactToRoundingEverywhere() {
        // two Bowring steps, any latitude and longitude, from below the surface to geostationary height
        SplittableRandom rng = new SplittableRandom(13);
        for (int i = 0; i < 20_000; i++) {
            double lat = rng.nextDouble(-89.99, 89.99), lon = rng.nextDouble(-180, 180);
            double h = rng.nextDouble(-1_000, 36_000_000);
            double[] x = LocalTangentPlane.ecef(lat, lon, h);
            double[] g = LocalTangentPlane.geodeticOfEcef(x[0], x[1], x[2]);
            assertThat(g[0]).isCloseTo(lat, within(1e-13));
            assertThat(g[1]).isCloseTo(lon, within(1e-12));
            assertThat(g[2]).isCloseTo(h, within(1e-7));
        }
    }

    @Test
    void polesAndAxis() {
        double[] north = LocalTangentPlane.geodeticOfEcef(0, 0, 6_356_752.314245 + 100);
        assertThat(north).containsExactly(new double[] {90, 0, 100}, within(1e-6));
        double[] nearPole = LocalTangentPlane.geodeticOfEcef(1, 1, -6_356_852.0);
        double[] slow = SlowReference.geodeticOfEcef(1, 1, -6_356_852.0);
        assertThat(nearPole).containsExactly(slow, within(1e-6));
    }

    /** The angle form that {@link LocalTangentPlane} used before: four Bowring steps of two atan2 and four sin/cos each. */
    private static final class SlowReference {
        private static final double A = LocalTangentPlane.SEMI_MAJOR_AXIS_METRES;
        private static final double F = LocalTangentPlane.FLATTENING;
        private static final double E2 = F * (2 - F);
        private static final double B = A * (1 - F);
        private static final double EP2 = E2 / (1 - E2);

        static double[] geodeticOfEcef(double x, double y, double z) {
            double p = Math.hypot(x, y);
            double lambda = Math.atan2(y, x);
            if (p < 1e-9) {
                return new double[] {z >= 0 ? 90 : -90, 0, Math.abs(z) - B};
            }
            double beta = Math.atan2(z, p * (1 - F));
            double phi = 0;
            for (int i = 0; i < 4; i++) {
                double sb = Math.sin(beta), cb = Math.cos(beta);
                phi = Math.atan2(z + EP2 * B * sb * sb * sb, p - E2 * A * cb * cb * cb);
                beta = Math.atan2((1 - F) * Math.sin(phi), Math.cos(phi));
            }
            double sp = Math.sin(phi), cp = Math.cos(phi);
            double n = A / Math.sqrt(1 - E2 * sp * sp);
            double h = Math.abs(cp) > 1e-3 ? p / cp - n : z / sp - n * (1 - E2);
            return new double[] {Math.toDegrees(phi), Math.toDegrees(lambda), h};
        }

        static double[] geodetic(LocalTangentPlane plane, double e, double n, double u) {
            double[] o = LocalTangentPlane.ecef(plane.originLatitudeDeg(), plane.originLongitudeDeg(),
                    plane.originHeightMetres());
            double phi = Math.toRadians(plane.originLatitudeDeg()), lambda = Math.toRadians(plane.originLongitudeDeg());
            double sp = Math.sin(phi), cp = Math.cos(phi), sl = Math.sin(lambda), cl = Math.cos(lambda);
            double[][] r = {{-sl, cl, 0}, {-sp * cl, -sp * sl, cp}, {cp * cl, cp * sl, sp}};
            double x = o[0] + r[0][0] * e + r[1][0] * n + r[2][0] * u;
            double y = o[1] + r[0][1] * e + r[1][1] * n + r[2][1] * u;
            double z = o[2] + r[0][2] * e + r[1][2] * n + r[2][2] * u;
            return geodeticOfEcef(x, y, z);
        }

        static double[] geodeticAtHeight(LocalTangentPlane plane, double e, double n, double h, int rounds,
                                         double toleranceMetres) {
            double rho2 = e * e + n * n;
            double up = h - plane.originHeightMetres() - rho2 / (2 * (A + h));
            double[] g = geodetic(plane, e, n, up);
            for (int i = 0; i < rounds && Math.abs(g[2] - h) > toleranceMetres; i++) {
                up -= g[2] - h;
                g = geodetic(plane, e, n, up);
            }
            return g;
        }
    }
}
