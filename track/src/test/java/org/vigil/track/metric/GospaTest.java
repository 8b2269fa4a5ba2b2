package org.vigil.track.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** GOSPA and OSPA: hand cases, brute force, and the metric axioms as properties. */
class GospaTest {

    private static final GospaMetric GOSPA = new GospaMetric(100, 1);
    private static final OspaMetric OSPA = new OspaMetric(100, 1);

    private static PlanarPoints points(double... xy) {
        double[] x = new double[xy.length / 2], y = new double[xy.length / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        return new PlanarPoints(x, y);
    }

    @Test
    void handWorkedDecomposition() {
        // truth {(0,0), (1000,0), (5000,5000)}; tracks {(3,4), (1000,150)}
        // pair (0,0)-(3,4) at 5 m; (1000,0)-(1000,150) at 150 >= c: one missed plus one false
        GospaValue v = GOSPA.evaluate(points(0, 0, 1000, 0, 5000, 5000), points(3, 4, 1000, 150));
        assertThat(v.localisation()).isCloseTo(5, within(1e-12));
        assertThat(v.missed()).isCloseTo(2 * 50, within(1e-12));
        assertThat(v.falseTracks()).isCloseTo(50, within(1e-12));
        assertThat(v.total()).isCloseTo(155, within(1e-12));
        // OSPA: n = 3, (5 + 100 * (3 - 1)) / 3
        assertThat(OSPA.distance(points(0, 0, 1000, 0, 5000, 5000), points(3, 4, 1000, 150)))
                .isCloseTo(205.0 / 3, within(1e-12));
    }

    @Test
    void emptySets() {
        assertThat(GOSPA.distance(PlanarPoints.empty(), PlanarPoints.empty())).isZero();
        assertThat(GOSPA.distance(points(1, 1), PlanarPoints.empty())).isEqualTo(50);
        assertThat(OSPA.distance(PlanarPoints.empty(), PlanarPoints.empty())).isZero();
        assertThat(OSPA.distance(PlanarPoints.empty(), points(1, 1))).isEqualTo(100);
    }

    @Test
    void theOptimalNotTheGreedyPairing() {
        // truth a=(0,0), b=(60,0); track u=(40,0), v=(-50,0): greedy a-u (40) leaves b-v at 110 (cut);
        // optimal a-v (50) + b-u (20) = 70
        GospaValue v = GOSPA.evaluate(points(0, 0, 60, 0), points(40, 0, -50, 0));
        assertThat(v.total()).isCloseTo(70, within(1e-12));
    }

    @Property(tries = 200)
    void matchesBruteForce(@ForAll("sets") PlanarPoints a, @ForAll("sets") PlanarPoints b) {
        assertThat(GOSPA.distance(a, b)).isCloseTo(bruteGospa(a, b, 100), within(1e-9));
        GospaMetric p2 = new GospaMetric(100, 2);
        assertThat(p2.distance(a, b)).isCloseTo(Math.sqrt(bruteGospaP(a, b, 100, 2)), within(1e-9));
    }

    @Property(tries = 200)
    void zeroOnIdentity(@ForAll("sets") PlanarPoints a) {
        assertThat(GOSPA.distance(a, a)).isZero();
        assertThat(OSPA.distance(a, a)).isZero();
    }

    @Property(tries = 200)
    void positiveOnDifferentSets(@ForAll("sets") PlanarPoints a, @ForAll("sets") PlanarPoints b) {
        if (a.size() != b.size()) {
            assertThat(GOSPA.distance(a, b)).isPositive();
        }
    }

    @Property(tries = 200)
    void symmetric(@ForAll("sets") PlanarPoints a, @ForAll("sets") PlanarPoints b) {
        assertThat(GOSPA.distance(a, b)).isCloseTo(GOSPA.distance(b, a), within(1e-9));
        assertThat(OSPA.distance(a, b)).isCloseTo(OSPA.distance(b, a), within(1e-9));
    }

    @Property(tries = 300)
    void triangleInequality(@ForAll("sets") PlanarPoints a, @ForAll("sets") PlanarPoints b, @ForAll("sets") PlanarPoints c) {
        for (GospaMetric g : List.of(GOSPA, new GospaMetric(100, 2))) {
            assertThat(g.distance(a, c)).isLessThanOrEqualTo(g.distance(a, b) + g.distance(b, c) + 1e-9);
        }
        assertThat(OSPA.distance(a, c)).isLessThanOrEqualTo(OSPA.distance(a, b) + OSPA.distance(b, c) + 1e-9);
    }

    /** Small sets in a 300 m square, so that pairs both inside and beyond the cut-off occur. */
    @Provide
    Arbitrary<PlanarPoints> sets() {
        net.jqwik.api.arbitraries.ArrayArbitrary<Double, double[]> coords = Arbitraries.doubles().between(0, 300).ofScale(1).array(double[].class);
        return Arbitraries.integers().between(0, 5).flatMap(n ->
                Combinators.combine(coords.ofSize(n), coords.ofSize(n)).as(PlanarPoints::new));
    }

    static double bruteGospa(PlanarPoints a, PlanarPoints b, double c) {
        return bruteGospaP(a, b, c, 1);
    }

    /** min over partial matchings of sum d^p (pairs closer than c) + c^p/2 per unmatched point. */
    static double bruteGospaP(PlanarPoints a, PlanarPoints b, double c, double p) {
        return search(a, b, 0, new boolean[b.size()], c, p);
    }

    private static double search(PlanarPoints a, PlanarPoints b, int i, boolean[] used, double c, double p) {
        double half = Math.pow(c, p) / 2;
        if (i == a.size()) {
            int free = 0;
            for (boolean u : used) {
                free += u ? 0 : 1;
            }
            return half * free;
        }
        double best = half + search(a, b, i + 1, used, c, p);
        for (int j = 0; j < b.size(); j++) {
            double d = Math.hypot(a.x()[i] - b.x()[j], a.y()[i] - b.y()[j]);
            if (!used[j] && d < c) {
                used[j] = true;
                best = Math.min(best, Math.pow(d, p) + search(a, b, i + 1, used, c, p));
                used[j] = false;
            }
        }
        return best;
    }
}
