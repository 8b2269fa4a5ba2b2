package org.vigil.track.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.vigil.track.model.Coverage;
import org.vigil.track.model.Detection;
import org.vigil.track.model.Frame;
import org.vigil.track.model.RangeRate;

/**
 * Takes reports between WGS84 and a {@link LocalTangentPlane}: a position to the plane's east
 * and north, its covariance {@code C} (local east-north axes at the point) to {@code J C J^T}
 * with {@code J = plane.localToPlane(point)}, a range-rate's sensor position likewise and its
 * sensor velocity by {@code J}; and back with {@code J^-1}. Points without a height are placed at
 * {@code surfaceHeightMetres}, and plane points go back at that height.
 *
 * @param plane               the tangent plane
 * @param surfaceHeightMetres ellipsoidal height of the ground, m
 */
public record ReportProjection(LocalTangentPlane plane, double surfaceHeightMetres) {

    /** The report in the plane. */
    public Detection toPlane(GeodeticDetection d) {
        double h = d.heightMetres().orElse(surfaceHeightMetres);
        // one set of sines and cosines serves both the position and the axes
        GeodeticPosition at = GeodeticPosition.of(d.latitudeDeg(), d.longitudeDeg(), h);
        double[] enu = plane.enu(at);
        double[] j = plane.localToPlane(at);
        double[] c = congruence(j, d.eastVarianceM2(), d.eastNorthCovarianceM2(), d.northVarianceM2());
        RangeRate rr = null;
        GeodeticRangeRate g = d.rangeRate();
        if (g != null) {
            GeodeticPosition sensor = GeodeticPosition.of(g.sensorLatitudeDeg(), g.sensorLongitudeDeg(), g.sensorHeightMetres());
            double[] s = plane.enu(sensor);
            double[] js = plane.localToPlane(sensor);
            double[] v = times(js, g.sensorEastMetresPerSecond(), g.sensorNorthMetresPerSecond());
            rr = new RangeRate(g.metresPerSecond(), g.sigmaMetresPerSecond(), s[0], s[1], v[0], v[1]);
        }
        return new Detection(d.timeSeconds(), d.sensorId(), enu[0], enu[1], c[0], c[1], c[2], rr);
    }

    /** A plane report in WGS84, at the surface height (range-rate sensors too, lacking their altitude). */
    public GeodeticDetection toGeodetic(Detection d) {
        GeodeticPosition at = plane.positionAtHeight(d.xMetres(), d.yMetres(), surfaceHeightMetres);
        double[] inv = inverse(plane.localToPlane(at));
        double[] c = congruence(inv, d.varianceXxM2(), d.covarianceXyM2(), d.varianceYyM2());
        GeodeticRangeRate grr = null;
        RangeRate rr = d.rangeRate();
        if (rr != null) {
            GeodeticPosition s = plane.positionAtHeight(rr.sensorXMetres(), rr.sensorYMetres(), surfaceHeightMetres);
            double[] v = times(inverse(plane.localToPlane(s)), rr.sensorVxMetresPerSecond(), rr.sensorVyMetresPerSecond());
            grr = new GeodeticRangeRate(rr.metresPerSecond(), rr.sigmaMetresPerSecond(), s.latitudeDeg(), s.longitudeDeg(),
                    s.heightMetres(), v[0], v[1]);
        }
        return new GeodeticDetection(d.timeSeconds(), d.sensorId(), at.latitudeDeg(), at.longitudeDeg(),
                OptionalDouble.of(at.heightMetres()), c[0], c[1], c[2], grr);
    }

    /** A sensor's frame in the plane, its coverage included. */
    public Frame toPlane(GeodeticFrame frame) {
        List<Detection> out = new ArrayList<>(frame.detections().size());
        for (GeodeticDetection d : frame.detections()) {
            out.add(toPlane(d));
        }
        GeodeticCoverage gc = frame.coverage();
        Coverage coverage = gc == null ? null : (x, y) -> {
            GeodeticPosition p = plane.positionAtHeight(x, y, surfaceHeightMetres);
            return gc.detectionProbability(p.latitudeDeg(), p.longitudeDeg());
        };
        return new Frame(frame.timeSeconds(), frame.sensorId(), out, coverage);
    }

    /** A plane frame in WGS84. */
    public GeodeticFrame toGeodetic(Frame frame) {
        List<GeodeticDetection> out = new ArrayList<>(frame.detections().size());
        for (Detection d : frame.detections()) {
            out.add(toGeodetic(d));
        }
        Coverage c = frame.coverage();
        GeodeticCoverage coverage = c == null ? null : (lat, lon) -> {
            double[] enu = plane.enu(lat, lon, surfaceHeightMetres);
            return c.detectionProbability(enu[0], enu[1]);
        };
        return new GeodeticFrame(frame.timeSeconds(), frame.sensorId(), out, coverage);
    }

    /** {@code M C M^T} for a 2x2 row-major {@code M} and symmetric {@code C}; returns {@code [c11, c12, c22]}. */
    static double[] congruence(double[] m, double c11, double c12, double c22) {
        double a11 = m[0] * c11 + m[1] * c12, a12 = m[0] * c12 + m[1] * c22;
        double a21 = m[2] * c11 + m[3] * c12, a22 = m[2] * c12 + m[3] * c22;
        return new double[] {a11 * m[0] + a12 * m[1], a11 * m[2] + a12 * m[3], a21 * m[2] + a22 * m[3]};
    }

    static double[] inverse(double[] m) {
        double det = m[0] * m[3] - m[1] * m[2];
        return new double[] {m[3] / det, -m[1] / det, -m[2] / det, m[0] / det};
    }

    static double[] times(double[] m, double x, double y) {
        return new double[] {m[0] * x + m[1] * y, m[2] * x + m[3] * y};
    }
}
