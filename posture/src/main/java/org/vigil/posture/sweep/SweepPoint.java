package org.vigil.posture.sweep;

import org.vigil.posture.model.SolveStatus;

/**
 * One point of a sweep: the swept value (a cap in troops, or a stand-off in km) and
 * what the plan at that value achieves.
 */
public record SweepPoint(double value, SolveStatus status, double objective, double bound, int totalStrength,
                         long guarded, long covered) {
}
