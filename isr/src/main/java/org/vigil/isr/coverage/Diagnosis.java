package org.vigil.isr.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.isr.IsrProblem;
import org.vigil.isr.access.AccessWindow;
import org.vigil.isr.access.Station;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.Task;
import org.vigil.isr.model.TaskKind;

/**
 * Why a requirement is unmet, in the collection manager's terms: no asset can reach the
 * area (at all, or often enough), daylight (only optical passes, in darkness), or capacity
 * (assets that could watch it are committed elsewhere). Decided from what could watch
 * the area if every asset were free, not from the solver.
 */
public final class Diagnosis {

    private Diagnosis() {
    }

    public static String reason(IsrProblem p, AreaCoverage c) {
        Area area = c.area();
        boolean air = airReaches(p, area);
        if (air) {
            return "capacity: aircraft or drones can reach it, but are committed to higher-priority areas";
        }
        if (area.continuous()) {
            return "no asset can reach it: a continuous watch needs an aircraft or drone on station, and none reaches it";
        }
        List<Task> day = asTasks(p.windows(), area);
        List<Task> dark = asTasks(p.darkWindows(), area);
        if (day.isEmpty() && dark.isEmpty()) {
            return "no asset can reach it (no aircraft station, drone base or satellite pass within its limits)";
        }
        double gapAll = Coverage.of(List.of(area), day, p.horizon().start(), p.horizon().end()).get(0).maxGapSeconds();
        if (gapAll <= area.revisitMinutes() * 60.0) {
            return "capacity: satellite passes could meet it, but their tasking goes to higher-priority areas";
        }
        List<Task> both = new ArrayList<>(day);
        both.addAll(dark);
        double gapWithNight = Coverage.of(List.of(area), both, p.horizon().start(), p.horizon().end()).get(0).maxGapSeconds();
        if (!dark.isEmpty() && gapWithNight < gapAll) {
            return String.format(Locale.ROOT, "daylight: only satellites reach it, and %d optical pass(es) fall in darkness"
                    + " (longest gap %.0f min even with every daylight pass)", countPasses(p.darkWindows(), area), gapAll / 60);
        }
        return String.format(Locale.ROOT, "no asset can reach it often enough: only satellite passes reach it"
                + " (longest gap %.0f min even with every pass)", gapAll / 60);
    }

    static boolean airReaches(IsrProblem p, Area area) {
        int idx = p.areas().indexOf(area);
        for (List<Station> l : p.stations()) {
            for (Station s : l) {
                if (s.watches().contains(idx)) {
                    return true;
                }
            }
        }
        for (int f = 0; f < p.droneTargets().size(); f++) {
            if (p.assets().drones().get(f).count() == 0) {
                continue;
            }
            for (List<Integer> w : p.sortieWatches().get(f).values()) {
                if (w.contains(idx)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Task> asTasks(List<AccessWindow> windows, Area area) {
        List<Task> out = new ArrayList<>();
        for (AccessWindow w : windows) {
            if (w.areaId().equals(area.id())) {
                out.add(new Task(w.satellite().assetId(), TaskKind.SATELLITE, w.start(), w.end(), List.of(area.id())));
            }
        }
        return out;
    }

    private static int countPasses(List<AccessWindow> windows, Area area) {
        Set<String> passes = new HashSet<>();
        for (AccessWindow w : windows) {
            if (w.areaId().equals(area.id())) {
                passes.add(w.satellite().satnum() + "/" + w.pass());
            }
        }
        return passes.size();
    }

}
