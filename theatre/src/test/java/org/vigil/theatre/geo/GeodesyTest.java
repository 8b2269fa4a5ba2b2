package org.vigil.theatre.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class GeodesyTest {

    @Test
    void inverseMatchesGeographicLibsDocumentedExample() {
        // GeographicLib's documentation: JFK (40.6, -73.8) to LHR (51.6, -0.5) is 5551.759400319925 km on WGS84.
        assertThat(Geodesy.distanceMetres(GeoPoint.of(40.6, -73.8), GeoPoint.of(51.6, -0.5)))
                .isCloseTo(5_551_759.400319925, within(1e-5));
    }

    @Test
    void pointOnTheEquatorIsOneEquatorialDegreeFromTheMeridianSegment() {
        // The equator and the meridians are geodesics; the nearest point of the meridian segment is (0, 0).
        // One degree of the equator is a * pi / 180 with a = 6378137 m.
        double d = Geodesy.distanceToSegmentMetres(GeoPoint.of(0, 1), GeoPoint.of(-1, 0), GeoPoint.of(1, 0));
        assertThat(d).isCloseTo(6_378_137 * Math.PI / 180, within(0.02));
    }

    @Test
    void beyondTheEndOfASegmentTheNearestPointIsTheEnd() {
        GeoPoint a = GeoPoint.of(50, 30), b = GeoPoint.of(50, 31), p = GeoPoint.of(50, 33);
        assertThat(Geodesy.distanceToSegmentMetres(p, a, b)).isCloseTo(Geodesy.distanceMetres(p, b), within(0.02));
    }

    @Test
    void aPointNorthOfAnEastWestSegmentIsNearlyItsMeridianDistanceAway() {
        // Along a meridian, 0.5 degree of latitude near 48 N is about 55.6 km (WGS84 meridian arc).
        double d = Geodesy.distanceToSegmentMetres(GeoPoint.of(48.5, 30.5), GeoPoint.of(48, 30), GeoPoint.of(48, 31));
        assertThat(d).isCloseTo(Geodesy.distanceMetres(GeoPoint.of(48.5, 30.5), GeoPoint.of(48.0, 30.5)), within(150.0));
    }

    /** The pre-filter must never discard the nearest segment: compare with refining every segment. */
    @Property(tries = 60)
    void polylineDistanceEqualsTheMinimumOverAllSegments(@ForAll @DoubleRange(min = 44, max = 53) double lat,
                                                         @ForAll @DoubleRange(min = 22, max = 41) double lon) {
        List<GeoPoint> line = List.of(GeoPoint.of(46.5, 31.5), GeoPoint.of(46.8, 33.0), GeoPoint.of(47.5, 35.0),
                GeoPoint.of(48.0, 37.5), GeoPoint.of(49.5, 38.0), GeoPoint.of(50.3, 36.9));
        GeoPoint p = GeoPoint.of(lat, lon);
        double brute = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < line.size(); i++) {
            brute = Math.min(brute, Geodesy.distanceToSegmentMetres(p, line.get(i), line.get(i + 1)));
        }
        assertThat(Geodesy.distanceToPolylineMetres(p, line)).isCloseTo(brute, within(0.05));
    }

    @Test
    void destinationInvertsInverse() {
        GeoPoint kyiv = GeoPoint.of(50.45, 30.52);
        GeoPoint there = Geodesy.destination(kyiv, 123.0, 250_000);
        assertThat(Geodesy.distanceMetres(kyiv, there)).isCloseTo(250_000, within(1e-6));
        assertThat(Geodesy.azimuthDeg(kyiv, there)).isCloseTo(123.0, within(1e-9));
    }
}
