package org.vigil.isr.model;

import java.time.Instant;
import java.util.List;

/**
 * A collection plan: the tasks, and how good the solver proved them to be.
 *
 * @param status    OPTIMAL, FEASIBLE (stopped at the time limit with a plan), INFEASIBLE or UNKNOWN
 * @param objective priority-weighted count of revisit requirements the plan meets (as the model counts them)
 * @param bound     the solver's proven upper bound on that objective
 * @param gap       (bound - objective) / bound, 0 when proved optimal
 */
public record IsrPlan(Instant start, Instant end, String status, double objective, double bound, double gap,
                      List<Task> tasks, double solveSeconds) {
    public IsrPlan {
        tasks = List.copyOf(tasks);
    }
}
