package org.vigil.posture.solve;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SmallestGuardTest {

    @Test
    void handWorkedCases() {
        assertThat(PostureModel.smallestGuard(200, new int[] {300, 400, 800})).isEqualTo(300);
        assertThat(PostureModel.smallestGuard(700, new int[] {300, 400, 800})).isEqualTo(700);
        assertThat(PostureModel.smallestGuard(500, new int[] {300, 800})).isEqualTo(600);
        assertThat(PostureModel.smallestGuard(1_200, new int[] {800})).isEqualTo(1_600);
    }

    /** The result is reachable, at least the guard, and nothing smaller reaching the guard is. */
    @Property(tries = 200)
    void isTheSmallestReachableTotal(@ForAll @IntRange(min = 1, max = 3000) int guard,
                                     @ForAll @IntRange(min = 50, max = 900) int a,
                                     @ForAll @IntRange(min = 50, max = 900) int b) {
        int r = PostureModel.smallestGuard(guard, new int[] {a, b});
        assertThat(r).isGreaterThanOrEqualTo(guard);
        assertThat(reachable(r, a, b)).isTrue();
        for (int t = guard; t < r; t++) {
            assertThat(reachable(t, a, b)).isFalse();
        }
    }

    private static boolean reachable(int t, int a, int b) {
        for (int i = 0; i * a <= t; i++) {
            if ((t - i * a) % b == 0) {
                return true;
            }
        }
        return false;
    }
}
