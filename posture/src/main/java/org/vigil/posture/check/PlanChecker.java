package org.vigil.posture.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.posture.model.Nation;
import org.vigil.posture.model.Plan;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.PostureSite;
import org.vigil.posture.model.SiteStatus;
import org.vigil.posture.model.Station;
import org.vigil.posture.model.Unit;
import org.vigil.theatre.geo.Geodesy;

/**
 * Re-verifies every rule of a plan without the solver, so that a change to the solver
 * can never silently break a rule. Used by the tests and by the CLI after each solve.
 * Distances are recomputed here from the theatre (GeographicLib), not taken from the
 * problem's cache.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    /** The broken rules, one line each; empty when the plan keeps them all. */
    public static List<String> violations(PostureProblem problem, Plan plan) {
        List<String> v = new ArrayList<>();
        if (!plan.status().hasPlan()) {
            return v;
        }
        Map<String, Unit> known = new HashMap<>();
        problem.forces().units().forEach(u -> known.put(u.id(), u));
        Set<String> used = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        int total = 0;
        for (Station s : plan.stations()) {
            Unit u = s.unit();
            if (!u.equals(known.get(u.id()))) {
                v.add("unit " + u.id() + " is not one of the forces file's units (or differs from it)");
            }
            if (!used.add(u.id())) {
                v.add("unit " + u.id() + " is stationed twice");
            }
            total += u.strength();
            load.merge(s.siteId(), u.strength(), Integer::sum);
            Optional<PostureSite> site = problem.site(s.siteId());
            if (site.isEmpty()) {
                v.add("unit " + u.id() + " is stationed at unknown site " + s.siteId());
                continue;
            }
            PostureSite ps = site.get();
            if (!ps.site().isGovernmentControlled() || problem.theatre().isOccupied(ps.site().location())) {
                v.add("unit " + u.id() + " is stationed at " + ps.id() + ", outside government-controlled territory");
            }
            double toLine = Geodesy.distanceToPolylineMetres(ps.site().location(), problem.theatre().contactLine());
            if (toLine < problem.rules().standoffMetres()) {
                v.add(String.format(Locale.ROOT, "unit %s at %s is %.1f km from the line of contact, inside the %.0f km stand-off",
                        u.id(), ps.id(), toLine / 1000, problem.rules().standoffMetres() / 1000));
            }
            Nation nation = problem.forces().nation(u.nation()).orElse(null);
            if (nation == null) {
                v.add("unit " + u.id() + " belongs to unknown nation " + u.nation());
            } else {
                double toBorder = problem.theatre().distanceToBorderMetres(ps.site().location());
                nation.caveats().stream().filter(c -> c.forbids(ps.site(), toLine, toBorder)).forEach(c ->
                        v.add("unit " + u.id() + " at " + ps.id() + " breaks a caveat of " + nation.code() + ": " + c.describe()));
            }
        }
        if (total >= problem.rules().capTroops()) {
            v.add("total stationed strength " + total + " is not below the cap " + problem.rules().capTroops());
        }
        if (total != plan.totalStrength()) {
            v.add("reported total strength " + plan.totalStrength() + " differs from the stations' " + total);
        }
        load.forEach((siteId, troops) -> problem.site(siteId).ifPresent(ps -> {
            if (troops > ps.profile().stationCapacity()) {
                v.add("site " + siteId + " hosts " + troops + " troops, above its capacity " + ps.profile().stationCapacity());
            }
        }));
        List<SiteStatus> actual = PlanEvaluator.evaluate(problem, plan.stations());
        Map<String, SiteStatus> reported = new HashMap<>();
        plan.sites().forEach(s -> reported.put(s.site().id(), s));
        for (SiteStatus a : actual) {
            SiteStatus r = reported.get(a.site().id());
            if (r == null || r.guarded() != a.guarded() || r.covered() != a.covered()) {
                v.add("site " + a.site().id() + " is reported " + describe(r) + " but is " + describe(a));
            }
        }
        for (PostureSite req : problem.requiredSites()) {
            if (load.getOrDefault(req.id(), 0) < req.profile().guardStrength()) {
                v.add("required site " + req.id() + " has " + load.getOrDefault(req.id(), 0)
                        + " troops, below its guard strength " + req.profile().guardStrength());
            }
        }
        double objective = PlanEvaluator.objective(actual);
        if (Math.abs(objective - plan.objective()) > 1e-6) {
            v.add("reported objective " + plan.objective() + " differs from the recomputed " + objective);
        }
        return v;
    }

    private static String describe(SiteStatus s) {
        if (s == null) {
            return "missing";
        }
        return (s.guarded() ? "guarded" : "not guarded") + "/" + (s.covered() ? "covered" : "not covered");
    }
}
