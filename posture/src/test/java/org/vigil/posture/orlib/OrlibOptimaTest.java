package org.vigil.posture.orlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.posture.model.SolveStatus;

/**
 * Every OR-Library instance in shared/data/orlib solves to its published optimum (optima.csv),
 * proved optimal: exactly for the integer p-median values, to 0.01 for the warehouse values,
 * which OR-Library prints to three decimals, sometimes truncated. Prints the median and worst
 * solve time at the end.
 */
class OrlibOptimaTest {

    /** Far above the measured times; a solve that needs it has regressed. */
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final List<Double> SECONDS = Collections.synchronizedList(new ArrayList<>());

    static Stream<OrlibData.Optimum> pmed() throws IOException {
        return OrlibData.optima("pmed").stream();
    }

    static Stream<OrlibData.Optimum> cap() throws IOException {
        return OrlibData.optima("cap").stream();
    }

    @Test
    void theSharedSetIsComplete() throws IOException {
        assertThat(OrlibData.optima()).hasSize(22);
        assertThat(pmed()).hasSize(10);
        assertThat(cap()).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pmed")
    void pMedianReachesThePublishedOptimum(OrlibData.Optimum optimum) {
        OrlibResult result = new PMedianSolver(LIMIT, 1).solve(PMedianInstance.read(optimum.file()));
        record(result);
        assertThat(result.instance()).isEqualTo(optimum.instance());
        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(result.objective()).isEqualTo(optimum.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cap")
    void warehouseReachesThePublishedOptimum(OrlibData.Optimum optimum) {
        OrlibResult result = new WarehouseSolver(LIMIT, 1).solve(CapacitatedWarehouseInstance.read(optimum.file()));
        record(result);
        assertThat(result.instance()).isEqualTo(optimum.instance());
        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(result.objective()).isCloseTo(optimum.value(), within(0.01));
    }

    private static void record(OrlibResult result) {
        SECONDS.add(result.seconds());
        System.out.printf(Locale.ROOT, "orlib %-7s %-8s objective %.4f in %.3f s%n",
                result.instance(), result.status(), result.objective(), result.seconds());
    }

    @AfterAll
    static void printTimes() {
        if (SECONDS.isEmpty()) {
            return;
        }
        List<Double> s = new ArrayList<>(SECONDS);
        Collections.sort(s);
        double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "orlib solve times over %d instances: median %.3f s, worst %.3f s%n",
                s.size(), median, s.getLast());
    }
}
