package org.vigil.posture.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.posture.Fixtures;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.Rules;
import org.vigil.posture.model.SolveStatus;

/** Requests that cannot be met are INFEASIBLE and name the requirement and the rule. */
class InfeasibleTest {

    private static Plan solve(Rules rules) {
        return Fixtures.solver().solve(Fixtures.DEFAULT_PROBLEM.withRules(rules));
    }

    @Test
    void aTinyCapNamesTheCapAndTheRequirement() {
        Plan plan = solve(Rules.defaults().withCap(500));
        assertThat(plan.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(plan.message()).contains("nuclear_power_station").contains("troop cap").contains("499");
    }

    @Test
    void aRequiredSiteInsideTheStandOffNamesTheStandOff() {
        Rules r = Rules.defaults();
        Plan plan = solve(r.withRequirements(List.of("port-kherson")));
        assertThat(plan.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(plan.message()).contains("port-kherson").contains("stand-off");
    }

    @Test
    void anOccupiedRequiredSiteNamesControl() {
        Rules r = Rules.defaults();
        Plan plan = solve(r.withRequirements(List.of("npp-zaporizhzhia")));
        assertThat(plan.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(plan.message()).contains("npp-zaporizhzhia").contains("government-controlled");
    }

    @Test
    void aCapJustAboveTheRequirementsIsFeasible() {
        // Four stations guarded at 1,200 (three operating) and 800 (Chornobyl) need 4,400 troops.
        Plan plan = solve(Rules.defaults().withCap(4_401));
        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.totalStrength()).isLessThanOrEqualTo(4_400);
        Plan tooSmall = solve(Rules.defaults().withCap(4_400));
        assertThat(tooSmall.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(tooSmall.message()).contains("at least 4,400 troops");
    }

    @Test
    void unknownRequirementIsBadInput() {
        Rules r = Rules.defaults();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostureProblem.of(Fixtures.UKRAINE, Fixtures.DEFAULT_FORCES,
                r.withRequirements(List.of("moon-base"))))
                .hasMessageContaining("moon-base");
    }
}
