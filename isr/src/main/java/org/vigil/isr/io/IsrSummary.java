package org.vigil.isr.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.isr.IsrProblem;
import org.vigil.isr.coverage.AreaCoverage;
import org.vigil.isr.coverage.Diagnosis;
import org.vigil.isr.model.AreaKind;
import org.vigil.isr.model.IsrPlan;
import org.vigil.isr.model.Task;
import org.vigil.isr.model.TaskKind;

/** The plain-text summary of a plan: solver figures, tasks by kind, requirements met by kind, every unmet one and why. */
public final class IsrSummary {

    private IsrSummary() {
    }

    public static String table(IsrProblem p, IsrPlan plan, List<AreaCoverage> coverage) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "ISR plan %s to %s (%d slots of %d min)%n", plan.start(), plan.end(),
                p.horizon().slots(), p.horizon().slot().toMinutes()));
        b.append(String.format(Locale.ROOT, "Solver: %s  objective %.0f  bound %.0f  gap %.2f%%  (%.1f s)%n", plan.status(),
                plan.objective(), plan.bound(), plan.gap() * 100, plan.solveSeconds()));
        Map<TaskKind, Integer> count = new EnumMap<>(TaskKind.class);
        for (Task t : plan.tasks()) {
            count.merge(t.kind(), 1, Integer::sum);
        }
        b.append(String.format(Locale.ROOT, "Tasks: %d satellite, %d aircraft, %d drone (assets: %d satellites, %d aircraft, %d drones)%n%n",
                count.getOrDefault(TaskKind.SATELLITE, 0), count.getOrDefault(TaskKind.AIRCRAFT, 0),
                count.getOrDefault(TaskKind.DRONE, 0), p.satellites().size(), p.assets().aircraft().size(), p.assets().droneCount()));
        b.append(String.format(Locale.ROOT, "%-16s %7s %9s %6s %12s %12s%n", "requirement", "areas", "revisit", "met", "worst gap", "watched"));
        for (AreaKind k : AreaKind.values()) {
            // One row per kind and requirement (sites mix continuous NPPs with 12-hourly dams).
            java.util.TreeMap<Integer, List<AreaCoverage>> byRevisit = new java.util.TreeMap<>();
            coverage.stream().filter(c -> c.area().kind() == k)
                    .forEach(c -> byRevisit.computeIfAbsent(c.area().revisitMinutes(), r -> new java.util.ArrayList<>()).add(c));
            for (var e : byRevisit.entrySet()) {
                List<AreaCoverage> l = e.getValue();
                long met = l.stream().filter(AreaCoverage::satisfied).count();
                double worst = l.stream().mapToDouble(AreaCoverage::maxGapSeconds).max().orElse(0) / 60;
                double watched = l.stream().mapToDouble(AreaCoverage::watchedFraction).average().orElse(0);
                b.append(String.format(Locale.ROOT, "%-16s %7d %9s %6s %8.0f min %11.1f%%%n", k.code(), l.size(),
                        e.getKey() == 0 ? "cont." : e.getKey() + " min", met + "/" + l.size(), worst, watched * 100));
            }
        }
        List<AreaCoverage> unmet = coverage.stream().filter(c -> !c.satisfied()).toList();
        b.append('\n');
        if (unmet.isEmpty()) {
            b.append("Every requirement is met.\n");
        } else {
            b.append("Unmet requirements (").append(unmet.size()).append("):\n");
            for (AreaCoverage c : unmet) {
                b.append(String.format(Locale.ROOT, "  %-22s %-15s needs %s, worst gap %.0f min: %s%n", c.area().id(),
                        c.area().kind().code(), c.area().continuous() ? "continuous" : c.area().revisitMinutes() + " min",
                        c.maxGapSeconds() / 60, Diagnosis.reason(p, c)));
            }
        }
        return b.toString();
    }
}
