package org.vigil.track.associate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The 2-D assignment solver on hand-worked cases and against brute force. */
class LinearAssignmentTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void squareCaseWorkedByHand() {
        // rows pick columns 1, 0, 2: 1 + 2 + 2 = 5 (the greedy row-by-row choice 1 + 3 + ... is worse)
        double[][] c = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        int[] a = LinearAssignment.solve(c);
        assertThat(a).containsExactly(1, 0, 2);
        assertThat(LinearAssignment.total(c, a)).isEqualTo(5);
    }

    @Test
    void greedyWouldBeWrong() {
        // greedy takes (0,0)=1 then (1,1)=100: 101; optimum is (0,1)+(1,0) = 2 + 3 = 5
        double[][] c = {{1, 2}, {3, 100}};
        assertThat(LinearAssignment.solve(c)).containsExactly(1, 0);
    }

    @Test
    void wideAndTallMatrices() {
        double[][] wide = {{5, 1, 9}, {1, 5, 9}};
        assertThat(LinearAssignment.solve(wide)).containsExactly(1, 0);
        double[][] tall = {{5, 1}, {1, 5}, {0, 0}};
        int[] a = LinearAssignment.solve(tall);
        assertThat(LinearAssignment.total(tall, a)).isEqualTo(1);
        assertThat(a[2]).isNotNegative(); // both optima (total 1) use the zero row
    }

    @Test
    void negativeCostsAndForbiddenPairs() {
        // the GNN shape: detections then one "missed" column per track
        double[][] c = {{-5, -4, 1, INF}, {-6, INF, INF, 1}};
        int[] a = LinearAssignment.solve(c);
        assertThat(a).containsExactly(1, 0);
        assertThat(LinearAssignment.total(c, a)).isEqualTo(-10);
    }

    @Test
    void infeasibleAndInvalidInputAreRefused() {
        assertThatThrownBy(() -> LinearAssignment.solve(new double[][] {{INF, INF}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearAssignment.solve(new double[][] {{Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void optimalAgainstBruteForce(@ForAll("matrices") double[][] c) {
        int[] a = LinearAssignment.solve(c);
        int n = c.length, m = c[0].length;
        // a valid one-to-one assignment of min(n, m) pairs
        boolean[] used = new boolean[m];
        int pairs = 0;
        for (int col : a) {
            if (col >= 0) {
                assertThat(used[col]).isFalse();
                used[col] = true;
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(Math.min(n, m));
        assertThat(LinearAssignment.total(c, a)).isCloseTo(bruteForce(c), within(1e-9));
    }

    @Provide
    Arbitrary<double[][]> matrices() {
        return Arbitraries.integers().between(1, 5).flatMap(n -> Arbitraries.integers().between(1, 5).flatMap(m ->
                Arbitraries.doubles().between(-50, 50).ofScale(2).array(double[].class).ofSize(m)
                        .array(double[][].class).ofSize(n)));
    }

    /** Least total over all one-to-one matchings of min(rows, cols) pairs. */
    static double bruteForce(double[][] c) {
        int n = c.length, m = c[0].length;
        if (n <= m) {
            return search(c, 0, new boolean[m], false);
        }
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = c[i][j];
            }
        }
        return search(t, 0, new boolean[n], false);
    }

    private static double search(double[][] c, int row, boolean[] used, boolean unused) {
        if (row == c.length) {
            return 0;
        }
        double best = INF;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + search(c, row + 1, used, unused));
                used[j] = false;
            }
        }
        return best;
    }
}
