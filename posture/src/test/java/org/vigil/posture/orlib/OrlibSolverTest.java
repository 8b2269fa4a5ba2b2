package org.vigil.posture.orlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.posture.model.SolveStatus;

/** The two solvers on hand-made instances whose optimum follows from the arithmetic in the comments. */
class OrlibSolverTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void capacityBindsAndDemandIsSplit() throws IOException {
        // Sites A, B: capacity 8, fixed 5. Site C: capacity 20, fixed 100.
        // Customer 1: demand 10, all of it costs 10 from A, 30 from B, 10 from C (per unit 1, 3, 1).
        // Customer 2: demand 6,  all of it costs 30 from A, 6 from B, 10 from C  (per unit 5, 1, 5/3).
        // Open A and B (16 units = total demand): customer 2 all from B (6), customer 1 takes 8 units
        // from A (8) and the last 2 from B (2·3 = 6): 5 + 5 + 6 + 8 + 6 = 30, the optimum.
        // A solver ignoring capacity finds 26 (1 from A, 2 from B whole); single-sourcing cannot fit
        // customer 1 (10 > 8) in A or B and must pay C: 120; reading costs as per-unit rates gives hundreds.
        Path file = Files.writeString(dir.resolve("split.txt"), """
                3 2
                8 5
                8 5
                20 100
                10
                10 30 10
                6
                30 6 10
                """);
        OrlibResult result = new WarehouseSolver(LIMIT, 1).solve(CapacitatedWarehouseInstance.read(file));
        assertThat(result.instance()).isEqualTo("split");
        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(result.objective()).isCloseTo(30, within(1e-6));
    }

    @Test
    void tooLittleCapacityIsInfeasible() throws IOException {
        Path file = Files.writeString(dir.resolve("short.txt"), "2 1\n4 1\n4 1\n10\n1 1\n");
        OrlibResult result = new WarehouseSolver(LIMIT, 1).solve(CapacitatedWarehouseInstance.read(file));
        assertThat(result.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(result.objective()).isNaN();
    }

    @Test
    void pMedianOnAPathPicksTheCentres() throws IOException {
        // Path 1-2-3-4-5-6 with unit edges, p = 2: medians 2 and 5 serve everyone within 1: cost 4.
        Path file = Files.writeString(dir.resolve("path.txt"), "6 5 2\n1 2 1\n2 3 1\n3 4 1\n4 5 1\n5 6 1\n");
        OrlibResult result = new PMedianSolver(LIMIT, 1).solve(PMedianInstance.read(file));
        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(result.objective()).isEqualTo(4);
    }

    @Test
    void aTinyTimeLimitStillReportsTheHeuristicSolutions() throws IOException {
        OrlibData.Optimum pmed = OrlibData.optima("pmed").get(5); // pmed6, 200 vertices
        OrlibResult p = new PMedianSolver(Duration.ofMillis(1), 1).solve(PMedianInstance.read(pmed.file()));
        assertThat(p.status().hasPlan()).isTrue();
        assertThat(p.objective()).isGreaterThanOrEqualTo(pmed.value());

        OrlibData.Optimum cap = OrlibData.optima("cap").get(8); // cap131, 50 sites
        OrlibResult c = new WarehouseSolver(Duration.ofMillis(1), 1).solve(CapacitatedWarehouseInstance.read(cap.file()));
        assertThat(c.status().hasPlan()).isTrue();
        assertThat(c.objective()).isGreaterThanOrEqualTo(cap.value() - 0.01);
    }

    @Test
    void pMedianWithEveryVertexAMedianCostsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("all.txt"), "3 2 3\n1 2 4\n2 3 5\n");
        OrlibResult result = new PMedianSolver(LIMIT, 1).solve(PMedianInstance.read(file));
        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(result.objective()).isZero();
    }
}
