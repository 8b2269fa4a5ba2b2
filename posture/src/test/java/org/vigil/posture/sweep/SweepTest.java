package org.vigil.posture.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.posture.Fixtures;
import org.vigil.posture.solve.PostureSolver;

class SweepTest {

    @TempDir
    Path dir;

    @Test
    void aLargerCapNeverProtectsLess() throws Exception {
        List<SweepPoint> points = new Sweep(Fixtures.solver())
                .caps(Fixtures.DEFAULT_PROBLEM, Sweep.range(10_000, 30_000, 10_000), p -> { });
        assertThat(points).extracting(SweepPoint::value).containsExactly(10_000.0, 20_000.0, 30_000.0);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).objective()).isGreaterThanOrEqualTo(points.get(i - 1).objective());
        }
        // on a loaded machine a solve may stop at its time limit with a plan not yet proven optimal
        assertThat(points).allMatch(p -> p.status().hasPlan() && p.objective() <= p.bound() + 1e-9);
        assertThat(points.get(0).objective()).isLessThan(points.get(points.size() - 1).objective());
        assertThat(points).allMatch(p -> p.totalStrength() < p.value());

        SweepWriter.csv(points, SweepWriter.Axis.CAP, dir.resolve("sweep.csv"));
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo("cap,status,objective,bound,totalStrength,guarded,covered");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).startsWith("10000,OPTIMAL,");
        String svg = SweepWriter.svg(points, SweepWriter.Axis.CAP, 2000, "Protection against the cap", "sub");
        assertThat(svg).startsWith("<svg").contains("Protection against the cap").contains("Troop cap")
                .contains("guarded").contains("10,000");
    }

    @Test
    void staysMonotoneWhenSolvesStopAtTheirTimeLimit() {
        // A quarter of a second proves nothing; the previous plan must still carry the curve.
        PostureSolver hurried = new PostureSolver(java.time.Duration.ofMillis(250), 2);
        List<SweepPoint> points = new Sweep(hurried)
                .caps(Fixtures.DEFAULT_PROBLEM, Sweep.range(20_000, 30_000, 2_500), p -> { });
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).objective()).isGreaterThanOrEqualTo(points.get(i - 1).objective());
            if (points.get(i - 1).status().hasPlan()) {
                assertThat(points.get(i).status().hasPlan()).isTrue();
                assertThat(points.get(i).totalStrength()).isLessThan((int) points.get(i).value());
            }
        }
    }

    @Test
    void aWiderStandOffNeverProtectsMore() {
        List<SweepPoint> points = new Sweep(Fixtures.solver())
                .standoffs(Fixtures.DEFAULT_PROBLEM, Sweep.range(50, 150, 100), p -> { });
        assertThat(points).extracting(SweepPoint::value).containsExactly(50.0, 150.0);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).objective()).isLessThanOrEqualTo(points.get(i - 1).objective());
        }
    }
}
