package org.vigil.posture.solve;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.posture.model.Nation;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.PostureSite;
import org.vigil.posture.model.Station;
import org.vigil.posture.model.Unit;
import org.vigil.posture.model.UnitGroup;
import org.vigil.theatre.geo.Geodesy;

/**
 * The posture problem as a CP-SAT model.
 *
 * <p>Variables: {@code n[g][s]}, how many units of group g (one nation's units of one
 * type and strength) are stationed at candidate site s, created only where the
 * site is eligible (government-controlled, outside the stand-off, with capacity)
 * and the nation's caveats allow it; {@code guarded[p]} and {@code covered[p]} for
 * each site worth protecting.
 *
 * <p>Constraints: each group sends at most its count; a site hosts at most its
 * capacity; the total is at most cap - 1 (strictly below the cap); guarded[p]
 * implies p's guard strength on p; covered[p] implies at least one mechanised
 * unit at a site within the response time of p; guarded[p] + covered[p] <= 1 so
 * that the protection score counts a site once. Required sites are forced guarded.
 *
 * <p>Measures (linear expressions): protection in half-points (2·criticality if
 * guarded, criticality if covered only), total strength, and supply effort
 * (troops x kilometres from the nearest logistics entry point).
 */
final class PostureModel {

    final CpModel model = new CpModel();
    final List<UnitGroup> groups;
    final List<PostureSite> candidates = new ArrayList<>();
    /** n[g][s], null where forbidden. */
    final IntVar[][] n;
    final Map<String, BoolVar> guarded = new HashMap<>();
    final Map<String, BoolVar> covered = new HashMap<>();
    final LinearExpr protectionHalfPoints;
    final LinearExpr totalStrength;
    final LinearExpr supplyTroopKilometres;

    /**
     * @param problem   what to plan
     * @param applyCap  false to drop the troop cap (used to diagnose infeasibility)
     */
    PostureModel(PostureProblem problem, boolean applyCap) {
        this.groups = problem.forces().groups();
        for (PostureSite s : problem.sites()) {
            if (problem.stationingBlockedBy(s).isEmpty()) {
                candidates.add(s);
            }
        }
        n = new IntVar[groups.size()][candidates.size()];
        LinearExprBuilder total = LinearExpr.newBuilder();
        LinearExprBuilder supply = LinearExpr.newBuilder();
        List<LinearExprBuilder> load = new ArrayList<>();
        candidates.forEach(c -> load.add(LinearExpr.newBuilder()));
        for (int g = 0; g < groups.size(); g++) {
            UnitGroup group = groups.get(g);
            Nation nation = problem.forces().nation(group.nation()).orElseThrow();
            LinearExprBuilder sent = LinearExpr.newBuilder();
            for (int s = 0; s < candidates.size(); s++) {
                PostureSite site = candidates.get(s);
                int fit = Math.min(group.count(), site.profile().stationCapacity() / group.strength());
                if (fit == 0 || problem.stationingBlockedBy(site, nation).isPresent()) {
                    continue;
                }
                IntVar x = model.newIntVar(0, fit, group.nation() + "/" + group.type().code() + "/" + group.strength()
                        + "@" + site.id());
                n[g][s] = x;
                sent.addTerm(x, 1);
                total.addTerm(x, group.strength());
                load.get(s).addTerm(x, group.strength());
                supply.addTerm(x, (long) group.strength() * Math.round(site.distanceToSupplyMetres() / 1000));
            }
            model.addLessOrEqual(sent, group.count());
        }
        for (int s = 0; s < candidates.size(); s++) {
            model.addLessOrEqual(load.get(s), candidates.get(s).profile().stationCapacity());
        }
        this.totalStrength = total.build();
        this.supplyTroopKilometres = supply.build();
        if (applyCap) {
            model.addLessOrEqual(totalStrength, problem.rules().capTroops() - 1L);
        }

        LinearExprBuilder protection = LinearExpr.newBuilder();
        for (PostureSite p : problem.sites()) {
            int w = p.profile().criticality();
            boolean required = problem.requiredSites().contains(p);
            if ((w <= 0 && !required) || !p.site().isGovernmentControlled()) {
                continue;
            }
            int s = candidates.indexOf(p);
            if (s >= 0) {
                BoolVar gv = model.newBoolVar("guarded@" + p.id());
                LinearExprBuilder onSite = LinearExpr.newBuilder();
                for (int g = 0; g < groups.size(); g++) {
                    if (n[g][s] != null) {
                        onSite.addTerm(n[g][s], groups.get(g).strength());
                    }
                }
                model.addGreaterOrEqual(onSite, p.profile().guardStrength()).onlyEnforceIf(gv);
                guarded.put(p.id(), gv);
                protection.addTerm(gv, 2L * w);
                if (required) {
                    model.addEquality(gv, 1);
                }
            } else if (required) {
                // Not a candidate: the requirement cannot hold. Say so in the model; diagnosis names the rule.
                model.addBoolOr(new com.google.ortools.sat.Literal[0]);
            }
            LinearExprBuilder qrf = LinearExpr.newBuilder();
            boolean any = false;
            for (int t = 0; t < candidates.size(); t++) {
                double d = Geodesy.distanceMetres(candidates.get(t).site().location(), p.site().location());
                if (!problem.rules().withinResponse(d)) {
                    continue;
                }
                for (int g = 0; g < groups.size(); g++) {
                    if (n[g][t] != null && groups.get(g).type().isQuickReactionForce()) {
                        qrf.addTerm(n[g][t], 1);
                        any = true;
                    }
                }
            }
            if (any && w > 0) {
                BoolVar cv = model.newBoolVar("covered@" + p.id());
                model.addGreaterOrEqual(qrf, 1).onlyEnforceIf(cv);
                covered.put(p.id(), cv);
                protection.addTerm(cv, w);
                BoolVar gv = guarded.get(p.id());
                if (gv != null) {
                    model.addLessOrEqual(LinearExpr.sum(new BoolVar[] {gv, cv}), 1);
                }
            }
        }
        this.protectionHalfPoints = protection.build();
    }

    /** Suggests a previous plan's stations as the starting solution. */
    void hint(List<Station> stations) {
        Map<String, Integer> count = new HashMap<>();
        for (Station st : stations) {
            count.merge(key(st.unit(), st.siteId()), 1, Integer::sum);
        }
        for (int g = 0; g < groups.size(); g++) {
            for (int s = 0; s < candidates.size(); s++) {
                if (n[g][s] != null) {
                    model.addHint(n[g][s], count.getOrDefault(key(groups.get(g), candidates.get(s).id()), 0));
                }
            }
        }
    }

    private static String key(Unit u, String site) {
        return u.nation() + "|" + u.type() + "|" + u.strength() + "|" + site;
    }

    private static String key(UnitGroup g, String site) {
        return g.nation() + "|" + g.type() + "|" + g.strength() + "|" + site;
    }

    /** Turns solved counts into named units at sites, taking each group's units in id order. */
    List<Station> stations(java.util.function.ToLongFunction<IntVar> value) {
        List<Station> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            int next = 0;
            for (int s = 0; s < candidates.size(); s++) {
                if (n[g][s] == null) {
                    continue;
                }
                long k = value.applyAsLong(n[g][s]);
                for (int i = 0; i < k; i++) {
                    out.add(new Station(groups.get(g).units().get(next++), candidates.get(s).id()));
                }
            }
        }
        return out;
    }
}
