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
 * ECEF to geodetic by Bowring's parametric-latitude iteration (two iterations reach rounding
 * error from the surface to geostationary height), carried out on sine-cosine vectors so that a
 * conversion takes two arc tangents in all (see {@link #latitudeAndHeight}): the tracker turns
 * every changed track back to WGS84, and the angle form's trigonometry was its largest cost.
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
    /**
     * Bowring steps per conversion: two reach rounding (3e-14 degrees, 3e-8 m) for every
     * latitude and heights from -1 km to geostationary orbit (tested), where the angle form ran four.
     */
    private static final int BOWRING_STEPS = 2;
    /** Height evaluations at most in {@link #positionAtHeight}; two to four are used. */
    private static final int NEWTON_STEPS = 8;
    /** Height residual at which {@link #positionAtHeight} stops, m. */
    private static final double HEIGHT_TOLERANCE_METRES = 1e-8;

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
        return ecef(Math.sin(phi), Math.cos(phi), Math.sin(lambda), Math.cos(lambda), heightMetres);
    }

    /** ECEF {@code [X, Y, Z]} (m) from the sines and cosines of latitude and longitude. */
    private static double[] ecef(double sinLat, double cosLat, double sinLon, double cosLon, double heightMetres) {
        double n = SEMI_MAJOR_AXIS_METRES / Math.sqrt(1 - E2 * sinLat * sinLat);
        return new double[] {(n + heightMetres) * cosLat * cosLon, (n + heightMetres) * cosLat * sinLon,
                (n * (1 - E2) + heightMetres) * sinLat};
    }

    /** Geodetic {@code [latitudeDeg, longitudeDeg, heightMetres]} of ECEF coordinates (m). */
    public static double[] geodeticOfEcef(double x, double y, double z) {
        return positionOfEcef(x, y, z).toArray();
    }

    /** The geodetic position of ECEF coordinates (m), with the sines and cosines of its angles. */
    public static GeodeticPosition positionOfEcef(double x, double y, double z) {
        double p = Math.sqrt(x * x + y * y);
        if (p < 1e-9) {
            double sign = z >= 0 ? 1 : -1;
            return new GeodeticPosition(90 * sign, 0, Math.abs(z) - B, sign, 0, 0, 1);
        }
        return position(x, y, p, latitudeAndHeight(p, z));
    }

    /** The position of ECEF {@code (x, y)} at distance {@code p > 0} from the axis, of latitude and height {@code lh}. */
    private static GeodeticPosition position(double x, double y, double p, LatitudeAndHeight lh) {
        // the only two arc tangents of the conversion
        return new GeodeticPosition(Math.toDegrees(Math.atan2(lh.sinLatitude, lh.cosLatitude)),
                Math.toDegrees(Math.atan2(y, x)), lh.heightMetres, lh.sinLatitude, lh.cosLatitude, y / p, x / p);
    }

    /** Sine and cosine of a geodetic latitude, and the ellipsoidal height, m. */
    private record LatitudeAndHeight(double sinLatitude, double cosLatitude, double heightMetres) {
    }

    /**
     * Bowring's iteration for the point at distance {@code p > 0} from the polar axis and
     * {@code z} along it, done on direction vectors rather than angles. With the parametric
     * latitude {@code beta} as the vector {@code (cos beta, sin beta)} (any positive multiple),
     * one step is: normalise it; {@code tan phi = (z + e'^2 b sin^3 beta) / (p - e^2 a cos^3 beta)}
     * (numerator and denominator kept as the vector of {@code phi}); {@code tan beta =
     * (1 - f) tan phi}. So the loop needs square roots but no trigonometric function, where the
     * angle form takes two arc tangents and four sines and cosines per step; it starts from
     * {@code tan beta = z / ((1 - f) p)} as the angle form does, and each step gives the angle
     * form's latitude to rounding.
     */
    private static LatitudeAndHeight latitudeAndHeight(double p, double z) {
        double sinBeta = z, cosBeta = p * (1 - FLATTENING);
        double sinPhi = 0, cosPhi = 1;
        for (int i = 0; i < BOWRING_STEPS; i++) {
            double scale = 1 / Math.sqrt(sinBeta * sinBeta + cosBeta * cosBeta);
            double sb = sinBeta * scale, cb = cosBeta * scale;
            sinPhi = z + EP2 * B * sb * sb * sb;
            cosPhi = p - E2 * SEMI_MAJOR_AXIS_METRES * cb * cb * cb;
            sinBeta = (1 - FLATTENING) * sinPhi;
            cosBeta = cosPhi;
        }
        double scale = 1 / Math.sqrt(sinPhi * sinPhi + cosPhi * cosPhi);
        double sp = sinPhi * scale, cp = cosPhi * scale;
        double n = SEMI_MAJOR_AXIS_METRES / Math.sqrt(1 - E2 * sp * sp);
        double h = Math.abs(cp) > 1e-3 ? p / cp - n : z / sp - n * (1 - E2);
        return new LatitudeAndHeight(sp, cp, h);
    }

    /** ENU coordinates {@code [e, n, u]} (m) of a geodetic point. */
    public double[] enu(double latitudeDeg, double longitudeDeg, double heightMetres) {
        return enu(GeodeticPosition.of(latitudeDeg, longitudeDeg, heightMetres));
    }

    /** Geodetic {@code [latitudeDeg, longitudeDeg, heightMetres]} of ENU coordinates (m). */
    public double[] geodetic(double eastMetres, double northMetres, double upMetres) {
        return positionOfEcef(ecefX(eastMetres, northMetres, upMetres), ecefY(eastMetres, northMetres, upMetres),
                ecefZ(eastMetres, northMetres, upMetres)).toArray();
    }

    // ECEF = X0 + R^T enu
    private double ecefX(double e, double n, double u) {
        return originEcef[0] + rotation[0][0] * e + rotation[1][0] * n + rotation[2][0] * u;
    }

    private double ecefY(double e, double n, double u) {
        return originEcef[1] + rotation[0][1] * e + rotation[1][1] * n + rotation[2][1] * u;
    }

    private double ecefZ(double e, double n, double u) {
        return originEcef[2] + rotation[0][2] * e + rotation[1][2] * n + rotation[2][2] * u;
    }

    /**
     * The geodetic point {@code [latitudeDeg, longitudeDeg, heightMetres]} whose east and north
     * coordinates are the given ones and whose ellipsoidal height is {@code heightMetres}: the
     * inverse of the 2D projection {@code (lat, lon, h) -> (e, n)} for points at that height.
     */
    public double[] geodeticAtHeight(double eastMetres, double northMetres, double heightMetres) {
        return positionAtHeight(eastMetres, northMetres, heightMetres).toArray();
    }

    /**
     * {@link #geodeticAtHeight} with the sines and cosines of the angles (for {@link #localToPlane(GeodeticPosition)}).
     *
     * <p>Solved for the up coordinate {@code u} by Newton's method on {@code h(u) - heightMetres}.
     * The gradient of the ellipsoidal height with respect to position is the unit normal of the
     * ellipsoid at the point, so {@code dh/du} is the dot product of the plane's up axis with
     * that normal, {@code (cos phi cos lambda, cos phi sin lambda, sin phi)}, which the
     * conversion already holds: each step costs one angle-free {@link #latitudeAndHeight}, the
     * convergence is quadratic (one step within 100 km of the origin, two or three out to 2,000 km,
     * from the spherical guess {@code u = h - h0 - rho^2 / 2 (a + h)}), and the arc tangents are
     * taken once, at the end.
     */
    public GeodeticPosition positionAtHeight(double eastMetres, double northMetres, double heightMetres) {
        double rho2 = eastMetres * eastMetres + northMetres * northMetres;
        double up = heightMetres - originHeightMetres - rho2 / (2 * (SEMI_MAJOR_AXIS_METRES + heightMetres));
        double[] upAxis = rotation[2];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double x = ecefX(eastMetres, northMetres, up), y = ecefY(eastMetres, northMetres, up),
                    z = ecefZ(eastMetres, northMetres, up);
            double p = Math.sqrt(x * x + y * y);
            if (p < 1e-9) {
                break; // on the polar axis: leave it to the general conversion below
            }
            LatitudeAndHeight lh = latitudeAndHeight(p, z);
            double residual = lh.heightMetres - heightMetres;
            if (Math.abs(residual) <= HEIGHT_TOLERANCE_METRES) {
                return position(x, y, p, lh);
            }
            double slope = lh.cosLatitude * (upAxis[0] * x + upAxis[1] * y) / p + upAxis[2] * lh.sinLatitude;
            up -= residual / slope;
        }
        return positionOfEcef(ecefX(eastMetres, northMetres, up), ecefY(eastMetres, northMetres, up),
                ecefZ(eastMetres, northMetres, up));
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

    /** {@link #localToPlane(double, double)} at a position whose sines and cosines are known: no trigonometry. */
    public double[] localToPlane(GeodeticPosition at) {
        double sp = at.sinLatitude(), cp = at.cosLatitude(), sl = at.sinLongitude(), cl = at.cosLongitude();
        // the point's own east (-sl, cl, 0) and north (-sp cl, -sp sl, cp), on the plane's east and north
        double[] e = rotation[0], n = rotation[1];
        double eastX = -sl, eastY = cl, northX = -sp * cl, northY = -sp * sl, northZ = cp;
        return new double[] {
                e[0] * eastX + e[1] * eastY, e[0] * northX + e[1] * northY + e[2] * northZ,
                n[0] * eastX + n[1] * eastY, n[0] * northX + n[1] * northY + n[2] * northZ};
    }

    /** ENU coordinates {@code [e, n, u]} (m) of a geodetic position (its sines and cosines used, not its angles). */
    public double[] enu(GeodeticPosition at) {
        double[] p = ecef(at.sinLatitude(), at.cosLatitude(), at.sinLongitude(), at.cosLongitude(), at.heightMetres());
        double dx = p[0] - originEcef[0];
        double dy = p[1] - originEcef[1];
        double dz = p[2] - originEcef[2];
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = rotation[r][0] * dx + rotation[r][1] * dy + rotation[r][2] * dz;
        }
        return out;
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
