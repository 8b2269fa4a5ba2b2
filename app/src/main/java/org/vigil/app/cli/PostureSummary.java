package org.vigil.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.PostureSite;
import org.vigil.posture.model.SiteStatus;
import org.vigil.posture.model.Station;
import org.vigil.posture.sweep.SweepPoint;

/** The human-readable summaries the planner prints. */
final class PostureSummary {

    private PostureSummary() {
    }

    static String table(PostureProblem problem, Plan plan) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Posture plan · %s · %s · protection %.1f (bound %.1f) · %.1f s%n",
                problem.theatre().name(), plan.status(), plan.objective(), plan.bound(), plan.seconds()));
        b.append(String.format(Locale.ROOT,
                "Stationed %,d troops (cap %,d, strictly below) · rotation strength %,d (%d:1) · stand-off %.0f km · QRF response %d min%n%n",
                plan.totalStrength(), plan.rules().capTroops(), plan.rotationStrength(), plan.rules().rotationRatio(),
                plan.rules().standoffMetres() / 1000, plan.rules().responseTime().toMinutes()));
        Map<String, List<Station>> bySite = new LinkedHashMap<>();
        plan.stations().stream().sorted(Comparator.comparing(Station::siteId))
                .forEach(s -> bySite.computeIfAbsent(s.siteId(), k -> new ArrayList<>()).add(s));
        b.append(String.format(Locale.ROOT, "%-40s %-22s %7s  %s%n", "STATION", "KIND", "TROOPS", "UNITS"));
        bySite.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Station>> e) -> -troops(e.getValue())))
                .forEach(e -> {
                    PostureSite site = problem.site(e.getKey()).orElseThrow();
                    String units = e.getValue().stream().map(s -> s.unit().id()).collect(Collectors.joining(" "));
                    b.append(String.format(Locale.ROOT, "%-40s %-22s %,7d  %s%n", cut(site.site().name(), 40),
                            site.site().kind().code(), troops(e.getValue()), units));
                });
        long government = plan.sites().size();
        b.append(String.format(Locale.ROOT, "%nSites: %d guarded, %d covered by a QRF, of %d government-controlled sites%n",
                plan.guardedCount(), plan.coveredCount(), government));
        List<PostureSite> required = problem.requiredSites();
        if (!required.isEmpty()) {
            Map<String, SiteStatus> status = plan.sites().stream().collect(Collectors.toMap(s -> s.site().id(), s -> s));
            long ok = required.stream().filter(r -> status.containsKey(r.id()) && status.get(r.id()).guarded()).count();
            b.append(String.format(Locale.ROOT, "Required (%s): %d of %d guarded%n", problem.requirementLabel(), ok,
                    required.size()));
        }
        List<SiteStatus> unprotected = plan.sites().stream().filter(s -> !s.guarded() && !s.covered())
                .filter(s -> s.site().profile().criticality() > 0)
                .sorted(Comparator.comparingInt((SiteStatus s) -> -s.site().profile().criticality())).limit(8).toList();
        if (!unprotected.isEmpty()) {
            b.append("Most critical unprotected: ").append(unprotected.stream()
                    .map(s -> s.site().id() + " (" + s.site().profile().criticality() + ")")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return b.toString();
    }

    static String sweepTable(String column, List<SweepPoint> points) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-11s %-10s %10s %10s %9s %8s %8s%n",
                column, "status", "objective", "bound", "troops", "guarded", "covered"));
        for (SweepPoint p : points) {
            b.append(String.format(Locale.ROOT, "%-11s %-10s %10.1f %10.1f %,9d %8d %8d%n",
                    p.value() == Math.rint(p.value()) ? String.valueOf((long) p.value()) : String.valueOf(p.value()),
                    p.status(), p.objective(), p.bound(), p.totalStrength(), p.guarded(), p.covered()));
        }
        return b.toString();
    }

    private static int troops(List<Station> stations) {
        return stations.stream().mapToInt(s -> s.unit().strength()).sum();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
