package org.vigil.track.geo;

/**
 * A local tangent plane on the WGS84 ellipsoid: east-north-up (ENU) Cartesian coordinates, in
 * metres, about an origin given by geodetic latitude, longitude (degrees) and ellipsoidal
 * height (metres). It is the same transformation as GeographicLib's C++ {@code LocalCartesian};
 * the Java port of GeographicLib (2.1) carries only the geodesic routines, so the conversion is
 * written out here.
 *
 * <p>Mathematics. Geodetic to Earth-centred Earth-fixed (ECEF), with {@code a} the semi-major
 * axis, {@code e^2 = f (2 - f)} and {@code N = a / sqrt(1 - e^2 sin^2 phi)}:
 * {@code X = (N + h) cos phi cos lambda}, {@code Y = (N + h) cos phi sin lambda},
 * {@code Z = (N (1 - e^2) + h) sin phi}. ECEF to ENU about the origin {@code (phi0, lambda0)}:
 * {@code [e, n, u] = R (X - X0)} with rows
 * {@code R = [[-sin l0, cos l0, 0], [-sin p0 cos l0, -sin p0 sin l0, cos p0], [cos p0 cos l0, cos p0 sin l0, sin p0]]}.
 * ECEF to geodetic by Bowring's parametric-latitude iteration (three iterations reach far below
 * a micrometre on and near the Earth's surface).
 *
 * <p>A two-dimensional tracker uses {@code (e, n)} and drops {@code u}: the orthographic
 * projection onto the tangent plane, whose radial scale is {@code cos(d / R)} at distance
 * {@code d} from the origin (0.9989 at 300 km), so one plane should cover at most a few hundred
 * kilometres. {@link #geodeticAtHeight} goes back from {@code (e, n)} to the point on the
 * surface of given ellipsoidal height.
 *
 * <p>Immutable and thread-safe.
 */
public final class LocalTangentPlane {

    /** WGS84 semi-major axis, m. */
    public static final double SEMI_MAJOR_AXIS_METRES = 6_378_137.0;
    /** WGS84 flattening. */
    public static final double FLATTENING = 1 / 298.257223563;

    private static final double E2 = FLATTENING * (2 - FLATTENING);
    private static final double B = SEMI_MAJOR_AXIS_METRES * (1 - FLATTENING);
    private static final double EP2 = E2 / (1 - E2);

    private final double originLatitudeDeg;
    private final double originLongitudeDeg;
    private final double originHeightMetres;
    private final double[] originEcef;
    /** Rows of the ECEF-to-ENU rotation. */
    private final double[][] rotation;

    /**
     * @param originLatitudeDeg  geodetic latitude of the origin, degrees north
     * @param originLongitudeDeg longitude of the origin, degrees east
     * @param originHeightMetres ellipsoidal height of the origin, m
     */
    public LocalTangentPlane(double originLatitudeDeg, double originLongitudeDeg, double originHeightMetres) {
        if (!(Math.abs(originLatitudeDeg) < 90) || !Double.isFinite(originLongitudeDeg) || !Double.isFinite(originHeightMetres)) {
            throw new IllegalArgumentException("origin must have |latitude| < 90 and finite longitude and height");
        }
        this.originLatitudeDeg = originLatitudeDeg;
        this.originLongitudeDeg = originLongitudeDeg;
        this.originHeightMetres = originHeightMetres;
        this.originEcef = ecef(originLatitudeDeg, originLongitudeDeg, originHeightMetres);
        this.rotation = enuRotation(originLatitudeDeg, originLongitudeDeg);
    }

    public double originLatitudeDeg() {
        return originLatitudeDeg;
    }

    public double originLongitudeDeg() {
        return originLongitudeDeg;
    }

    public double originHeightMetres() {
        return originHeightMetres;
    }

    /** Earth-centred Earth-fixed coordinates {@code [X, Y, Z]} of a geodetic point, m. */
    public static double[] ecef(double latitudeDeg, double longitudeDeg, double heightMetres) {
        double phi = Math.toRadians(latitudeDeg), lambda = Math.toRadians(longitudeDeg);
        double sp = Math.sin(phi), cp = Math.cos(phi);
        double n = SEMI_MAJOR_AXIS_METRES / Math.sqrt(1 - E2 * sp * sp);
        return new double[] {(n + heightMetres) * cp * Math.cos(lambda), (n + heightMetres) * cp * Math.sin(lambda),
                (n * (1 - E2) + heightMetres) * sp};
    }

    /** Geodetic {@code [latitudeDeg, longitudeDeg, heightMetres]} of ECEF coordinates (m). */
    public static double[] geodeticOfEcef(double x, double y, double z) {
        double p = Math.hypot(x, y);
        double lambda = Math.atan2(y, x);
        if (p < 1e-9) {
            double lat = z >= 0 ? 90 : -90;
            return new double[] {lat, 0, Math.abs(z) - B};
        }
        // Bowring: iterate on the parametric latitude beta.
        double beta = Math.atan2(z, p * (1 - FLATTENING));
        double phi = 0;
        for (int i = 0; i < 4; i++) {
            double sb = Math.sin(beta), cb = Math.cos(beta);
            phi = Math.atan2(z + EP2 * B * sb * sb * sb, p - E2 * SEMI_MAJOR_AXIS_METRES * cb * cb * cb);
            beta = Math.atan2((1 - FLATTENING) * Math.sin(phi), Math.cos(phi));
        }
        double sp = Math.sin(phi), cp = Math.cos(phi);
        double n = SEMI_MAJOR_AXIS_METRES / Math.sqrt(1 - E2 * sp * sp);
        double h = Math.abs(cp) > 1e-3 ? p / cp - n : z / sp - n * (1 - E2);
        return new double[] {Math.toDegrees(phi), Math.toDegrees(lambda), h};
    }

    /** ENU coordinates {@code [e, n, u]} (m) of a geodetic point. */
    public double[] enu(double latitudeDeg, double longitudeDeg, double heightMetres) {
        double[] x = ecef(latitudeDeg, longitudeDeg, heightMetres);
        double dx = x[0] - originEcef[0], dy = x[1] - originEcef[1], dz = x[2] - originEcef[2];
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = rotation[r][0] * dx + rotation[r][1] * dy + rotation[r][2] * dz;
        }
        return out;
    }

    /** Geodetic {@code [latitudeDeg, longitudeDeg, heightMetres]} of ENU coordinates (m). */
    public double[] geodetic(double eastMetres, double northMetres, double upMetres) {
        double x = originEcef[0], y = originEcef[1], z = originEcef[2];
        // ECEF = X0 + R^T enu
        x += rotation[0][0] * eastMetres + rotation[1][0] * northMetres + rotation[2][0] * upMetres;
        y += rotation[0][1] * eastMetres + rotation[1][1] * northMetres + rotation[2][1] * upMetres;
        z += rotation[0][2] * eastMetres + rotation[1][2] * northMetres + rotation[2][2] * upMetres;
        return geodeticOfEcef(x, y, z);
    }

    /**
     * The geodetic point {@code [latitudeDeg, longitudeDeg, heightMetres]} whose east and north
     * coordinates are the given ones and whose ellipsoidal height is {@code heightMetres}: the
     * inverse of the 2D projection {@code (lat, lon, h) -> (e, n)} for points at that height.
     * Solved for the up coordinate by Newton steps (the height changes with up at rate
     * {@code cos} of the angle between the two verticals, about 1).
     */
    public double[] geodeticAtHeight(double eastMetres, double northMetres, double heightMetres) {
        double rho2 = eastMetres * eastMetres + northMetres * northMetres;
        double up = heightMetres - originHeightMetres - rho2 / (2 * (SEMI_MAJOR_AXIS_METRES + heightMetres));
        double[] g = geodetic(eastMetres, northMetres, up);
        for (int i = 0; i < 5 && Math.abs(g[2] - heightMetres) > 1e-6; i++) {
            up -= g[2] - heightMetres;
            g = geodetic(eastMetres, northMetres, up);
        }
        return g;
    }

    /**
     * The 2x2 matrix {@code J} (row-major {@code [j11, j12, j21, j22]}) that takes a horizontal
     * vector given in the local east-north axes at the geodetic point to the plane's east-north
     * axes: the projections of the point's own east and north unit vectors onto the plane's. A
     * covariance {@code C} at the point becomes {@code J C J^T} in the plane; a vector goes back
     * with the inverse (for these near-rotations, about {@code J^T}).
     */
    public double[] localToPlane(double latitudeDeg, double longitudeDeg) {
        double[][] local = enuRotation(latitudeDeg, longitudeDeg);
        double[] j = new double[4];
        for (int r = 0; r < 2; r++) { // plane axis: east, north
            for (int c = 0; c < 2; c++) { // local axis: east, north
                j[2 * r + c] = rotation[r][0] * local[c][0] + rotation[r][1] * local[c][1] + rotation[r][2] * local[c][2];
            }
        }
        return j;
    }

    private static double[][] enuRotation(double latitudeDeg, double longitudeDeg) {
        double phi = Math.toRadians(latitudeDeg), lambda = Math.toRadians(longitudeDeg);
        double sp = Math.sin(phi), cp = Math.cos(phi), sl = Math.sin(lambda), cl = Math.cos(lambda);
        return new double[][] {{-sl, cl, 0}, {-sp * cl, -sp * sl, cp}, {cp * cl, cp * sl, sp}};
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "LocalTangentPlane[%.6f, %.6f, %.1f m]", originLatitudeDeg,
                originLongitudeDeg, originHeightMetres);
    }
}
