package org.vigil.posture.orlib;

import org.vigil.posture.model.SolveStatus;

/**
 * The outcome of solving one OR-Library instance.
 *
 * @param instance  the file name without extension, e.g. {@code pmed1}
 * @param objective the best objective found, in the file's cost unit; NaN when there is none
 *                  (status INFEASIBLE or UNKNOWN)
 * @param status    OPTIMAL when the solver proved the objective best, FEASIBLE when it has a
 *                  solution but no proof, INFEASIBLE, or UNKNOWN when it ran out of time first
 * @param seconds   wall time of the solve, model building included (reading the file is not)
 */
public record OrlibResult(String instance, double objective, SolveStatus status, double seconds) {
}
