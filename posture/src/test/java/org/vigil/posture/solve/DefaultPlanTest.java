package org.vigil.posture.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.posture.Fixtures;
import org.vigil.posture.check.PlanChecker;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.SiteStatus;
import org.vigil.posture.model.SolveStatus;
import org.vigil.posture.model.Station;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.site.SiteKind;

/** The default plan, checked rule by rule without trusting the solver. */
class DefaultPlanTest {

    static PostureProblem problem = Fixtures.DEFAULT_PROBLEM;
    static Plan plan;

    @BeforeAll
    static void solve() {
        plan = Fixtures.solver().solve(problem);
    }

    @Test
    void isProvedOptimal() {
        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.bound()).isEqualTo(plan.objective());
        assertThat(plan.objective()).isPositive();
    }

    @Test
    void keepsEveryRuleByTheIndependentChecker() {
        assertThat(PlanChecker.violations(problem, plan)).isEmpty();
    }

    @Test
    void staysStrictlyBelowTheCap() {
        int total = plan.stations().stream().mapToInt(s -> s.unit().strength()).sum();
        assertThat(total).isLessThan(30_000).isEqualTo(plan.totalStrength());
        assertThat(plan.rotationStrength()).isEqualTo(3 * total);
    }

    @Test
    void noUnitWithinFiftyKilometresOfTheLine() {
        for (Station s : plan.stations()) {
            var site = Fixtures.UKRAINE.site(s.siteId()).orElseThrow();
            assertThat(site.isGovernmentControlled()).as(s.siteId()).isTrue();
            assertThat(Geodesy.distanceToPolylineMetres(site.location(), Fixtures.UKRAINE.contactLine()))
                    .as(s.unit().id() + " at " + s.siteId()).isGreaterThanOrEqualTo(50_000);
        }
    }

    @Test
    void everyGovernmentNuclearStationIsGuarded() {
        Map<String, Integer> troops = new HashMap<>();
        plan.stations().forEach(s -> troops.merge(s.siteId(), s.unit().strength(), Integer::sum));
        List<String> npps = Fixtures.UKRAINE.sites().stream()
                .filter(s -> s.kind() == SiteKind.NUCLEAR_POWER_STATION && s.isGovernmentControlled())
                .map(s -> s.id()).toList();
        assertThat(npps).hasSize(4);
        for (String id : npps) {
            int guard = problem.site(id).orElseThrow().profile().guardStrength();
            assertThat(troops.getOrDefault(id, 0)).as(id).isGreaterThanOrEqualTo(guard);
        }
    }

    @Test
    void caveatsHold() {
        // Türkiye will not serve within 150 km of the line, Italy 200 km (default forces file).
        for (Station s : plan.stations()) {
            double km = Geodesy.distanceToPolylineMetres(Fixtures.UKRAINE.site(s.siteId()).orElseThrow().location(),
                    Fixtures.UKRAINE.contactLine()) / 1000;
            if (s.unit().nation().equals("TUR")) {
                assertThat(km).as(s.unit().id()).isGreaterThanOrEqualTo(150);
            }
            if (s.unit().nation().equals("ITA")) {
                assertThat(km).as(s.unit().id()).isGreaterThanOrEqualTo(200);
            }
            if (s.unit().nation().equals("NLD")) {
                assertThat(Fixtures.UKRAINE.site(s.siteId()).orElseThrow().oblast()).isNotIn("Kharkiv", "Sumy", "Chernihiv");
            }
        }
    }

    @Test
    void guardedAndCoveredAreWhatTheStationsGive() {
        Map<String, Integer> troops = new HashMap<>();
        plan.stations().forEach(s -> troops.merge(s.siteId(), s.unit().strength(), Integer::sum));
        for (SiteStatus s : plan.sites()) {
            assertThat(s.guarded()).as(s.site().id())
                    .isEqualTo(troops.getOrDefault(s.site().id(), 0) >= s.site().profile().guardStrength());
            boolean qrfNear = plan.stations().stream().filter(st -> st.unit().type().isQuickReactionForce())
                    .anyMatch(st -> Geodesy.distanceMetres(Fixtures.UKRAINE.site(st.siteId()).orElseThrow().location(),
                            s.site().site().location()) * 1.3 / (50_000.0 / 3600) <= 7200);
            assertThat(s.covered()).as(s.site().id()).isEqualTo(qrfNear);
        }
    }

    @Test
    void aSmallerForceCannotDoBetterAndTheCheckerCatchesABrokenPlan() {
        // Move one unit into the stand-off band: the checker must object.
        Station first = plan.stations().get(0);
        Station moved = new Station(first.unit(), "port-kherson");
        List<Station> broken = new java.util.ArrayList<>(plan.stations());
        broken.set(0, moved);
        Plan bad = new Plan(plan.status(), plan.objective(), plan.bound(), plan.rules(), broken, plan.sites(),
                plan.seconds(), "");
        assertThat(PlanChecker.violations(problem, bad)).anyMatch(v -> v.contains("stand-off"));
    }
}
