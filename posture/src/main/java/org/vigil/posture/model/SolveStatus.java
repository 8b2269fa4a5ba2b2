package org.vigil.posture.model;

/** What the solver proved: OPTIMAL (best possible), FEASIBLE (a plan, maybe not best), INFEASIBLE (no plan), UNKNOWN (no answer in time). */
public enum SolveStatus {
    OPTIMAL,
    FEASIBLE,
    INFEASIBLE,
    UNKNOWN;

    public boolean hasPlan() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
