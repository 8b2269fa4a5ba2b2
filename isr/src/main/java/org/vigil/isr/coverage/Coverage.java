package org.vigil.isr.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.Task;

/** Coverage figures of a task list, per area: gaps and watched time (see {@link AreaCoverage}). */
public final class Coverage {

    private Coverage() {
    }

    public static List<AreaCoverage> of(List<Area> areas, List<Task> tasks, Instant start, Instant end) {
        Map<String, List<Task>> byArea = new HashMap<>();
        for (Task t : tasks) {
            for (String a : t.areas()) {
                byArea.computeIfAbsent(a, k -> new ArrayList<>()).add(t);
            }
        }
        double horizon = seconds(start, end);
        List<AreaCoverage> out = new ArrayList<>();
        for (Area a : areas) {
            List<Task> ts = new ArrayList<>(byArea.getOrDefault(a.id(), List.of()));
            ts.sort(Comparator.comparing(Task::start));
            double maxGap = 0, gapSum = 0, watched = 0;
            int gaps = 0, looks = 0;
            Instant reached = start; // everything before this is watched or already counted as gap
            for (Task t : ts) {
                Instant s = t.start().isBefore(start) ? start : t.start();
                Instant e = t.end().isAfter(end) ? end : t.end();
                if (e.isBefore(start) || s.isAfter(end)) {
                    continue;
                }
                looks++;
                if (s.isAfter(reached)) {
                    double g = seconds(reached, s);
                    maxGap = Math.max(maxGap, g);
                    gapSum += g;
                    gaps++;
                }
                if (e.isAfter(reached)) {
                    watched += seconds(s.isAfter(reached) ? s : reached, e);
                    reached = e;
                }
            }
            if (end.isAfter(reached)) {
                double g = seconds(reached, end);
                maxGap = Math.max(maxGap, g);
                gapSum += g;
                gaps++;
            }
            boolean ok = maxGap <= a.revisitMinutes() * 60.0;
            out.add(new AreaCoverage(a, maxGap, gaps == 0 ? 0 : gapSum / gaps, horizon == 0 ? 0 : watched / horizon, looks, ok));
        }
        return out;
    }

    private static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0;
    }
}
