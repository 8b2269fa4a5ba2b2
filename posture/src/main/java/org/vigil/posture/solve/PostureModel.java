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
 * (troops x distance from the nearest logistics entry point, in 10 km steps).
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
    /** Supply effort: troops (in gcd multiples) x distance to the nearest entry point in 10 km steps. */
    final LinearExpr supplyEffort;
    /** Exceeds any supply effort, so that one gcd of troops outweighs every difference in supply. */
    final long supplyScale;
    /** The greatest common divisor of the unit strengths: troops come in multiples of it. */
    final int strengthGcd;
    /** Total strength divided by {@link #strengthGcd}: the same measure with small coefficients. */
    final LinearExpr totalStrengthInGcds;

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
        int gcd = strengthGcdOf(groups);
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
                supply.addTerm(x, (long) group.strength() / gcd * tensOfKm(site));
            }
            model.addLessOrEqual(sent, group.count());
        }
        for (int s = 0; s < candidates.size(); s++) {
            model.addLessOrEqual(load.get(s), candidates.get(s).profile().stationCapacity());
        }
        this.totalStrength = total.build();
        this.supplyEffort = supply.build();
        this.strengthGcd = gcd;
        LinearExprBuilder inGcds = LinearExpr.newBuilder();
        for (int g = 0; g < groups.size(); g++) {
            for (int s = 0; s < candidates.size(); s++) {
                if (n[g][s] != null) {
                    inGcds.addTerm(n[g][s], groups.get(g).strength() / strengthGcd);
                }
            }
        }
        this.totalStrengthInGcds = inGcds.build();
        long maxTens = candidates.stream().mapToLong(PostureModel::tensOfKm).max().orElse(0);
        this.supplyScale = (problem.forces().availableStrength() / strengthGcd + 1L) * (maxTens + 1);
        if (applyCap) {
            model.addLessOrEqual(totalStrength, problem.rules().capTroops() - 1L);
        }

        LinearExprBuilder protection = LinearExpr.newBuilder();
        for (PostureSite p : problem.sites()) {
            int w = p.profile().criticality();
            boolean required = problem.requiredSites().contains(p);
            int s = candidates.indexOf(p);
            if (required && s < 0) {
                // A required site no unit may stand on: no plan exists. The diagnosis names the rule.
                model.addBoolOr(new com.google.ortools.sat.Literal[0]);
            }
            if ((w <= 0 && !required) || !p.site().isGovernmentControlled()) {
                continue;
            }
            if (s >= 0) {
                BoolVar gv = model.newBoolVar("guarded@" + p.id());
                LinearExprBuilder onSite = LinearExpr.newBuilder();
                for (int g = 0; g < groups.size(); g++) {
                    if (n[g][s] != null) {
                        onSite.addTerm(n[g][s], groups.get(g).strength());
                    }
                }
                // Units are whole: the troops on a guarded site are at least the smallest sum of
                // the unit strengths allowed there that reaches the guard strength. Saying so
                // (rather than "at least the guard strength") closes most of the LP gap.
                // Likewise a guarded site holds at least as many units as its guard needs of the
                // largest allowed: indivisible units are scarce, and the LP otherwise splits them.
                int[] strengths = allowedStrengths(s);
                model.addGreaterOrEqual(LinearExpr.newBuilder().add(onSite.build())
                        .addTerm(gv, -smallestGuard(p.profile().guardStrength(), strengths)).build(), 0);
                int largest = java.util.Arrays.stream(strengths).max().orElse(Integer.MAX_VALUE);
                long unitsNeeded = (p.profile().guardStrength() + largest - 1L) / largest;
                LinearExprBuilder unitsOnSite = LinearExpr.newBuilder();
                for (int g = 0; g < groups.size(); g++) {
                    if (n[g][s] != null) {
                        unitsOnSite.addTerm(n[g][s], 1);
                    }
                }
                model.addGreaterOrEqual(unitsOnSite.addTerm(gv, -unitsNeeded).build(), 0);
                guarded.put(p.id(), gv);
                protection.addTerm(gv, 2L * w);
                if (required) {
                    model.addEquality(gv, 1);
                }
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

    private static int strengthGcdOf(List<UnitGroup> groups) {
        return groups.stream().mapToInt(UnitGroup::strength)
                .reduce(0, (a, b) -> java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(b)).intValue());
    }

    private static long tensOfKm(PostureSite site) {
        return Math.round(site.distanceToSupplyMetres() / 10_000);
    }

    /**
     * Cuts plans that an equally protective, cheaper plan dominates: a unit on a site it
     * does not guard protects nothing there, so only a single mechanised unit (for its
     * reach as a QRF) may stand on an unguarded site. Removing the others keeps the
     * protection and lowers troops and supply, so no lexicographic optimum is lost,
     * and the solver no longer explores partial garrisons. Added for the troops and
     * supply solve only: measured, they slow the protection solve down threefold.
     */
    void addDominanceRules() {
        for (int s = 0; s < candidates.size(); s++) {
            BoolVar gv = guarded.get(candidates.get(s).id());
            LinearExprBuilder others = LinearExpr.newBuilder();
            LinearExprBuilder qrf = LinearExpr.newBuilder();
            long othersMax = 0, qrfMax = 0;
            for (int g = 0; g < groups.size(); g++) {
                IntVar x = n[g][s];
                if (x == null) {
                    continue;
                }
                long ub = x.getDomain().max();
                if (groups.get(g).type().isQuickReactionForce()) {
                    qrf.addTerm(x, 1);
                    qrfMax += ub;
                } else {
                    others.addTerm(x, 1);
                    othersMax += ub;
                }
            }
            if (gv == null) {
                model.addLessOrEqual(others, 0);
                model.addLessOrEqual(qrf, 1);
            } else {
                model.addLessOrEqual(others.addTerm(gv, -othersMax), 0);
                model.addLessOrEqual(qrf.addTerm(gv, -Math.max(0, qrfMax - 1)), 1);
            }
        }
    }

    /** The distinct strengths of the groups that may be stationed at candidate s. */
    private int[] allowedStrengths(int s) {
        return java.util.stream.IntStream.range(0, groups.size()).filter(g -> n[g][s] != null)
                .map(g -> groups.get(g).strength()).distinct().toArray();
    }

    /**
     * The smallest total of whole units (any number of each strength) that reaches
     * the guard strength: an unbounded knapsack, small enough to solve exactly.
     * With no units allowed it is the guard itself (the site cannot be guarded anyway).
     */
    static int smallestGuard(int guard, int[] strengths) {
        if (strengths.length == 0) {
            return guard;
        }
        int max = java.util.Arrays.stream(strengths).max().getAsInt();
        int limit = guard + max;
        boolean[] reachable = new boolean[limit + 1];
        reachable[0] = true;
        for (int t = 1; t <= limit; t++) {
            for (int w : strengths) {
                if (w <= t && reachable[t - w]) {
                    reachable[t] = true;
                    break;
                }
            }
            if (reachable[t] && t >= guard) {
                return t;
            }
        }
        return guard;
    }

    /** Suggests a solved stage's full solution (every variable) as the next stage's start. */
    void hintFrom(com.google.ortools.sat.CpSolver solved) {
        model.clearHints();
        for (IntVar[] row : n) {
            for (IntVar x : row) {
                if (x != null) {
                    model.addHint(x, solved.value(x));
                }
            }
        }
        guarded.values().forEach(b -> model.addHint(b, solved.booleanValue(b) ? 1 : 0));
        covered.values().forEach(b -> model.addHint(b, solved.booleanValue(b) ? 1 : 0));
    }

    /** Suggests a previous plan's stations as the starting solution. */
    void hint(List<Station> stations) {
        Map<String, Integer> groupOfUnit = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Unit u : groups.get(g).units()) {
                groupOfUnit.put(u.id(), g);
            }
        }
        Map<String, Integer> count = new HashMap<>();
        for (Station st : stations) {
            Integer g = groupOfUnit.get(st.unit().id());
            if (g != null) {
                count.merge(g + "@" + st.siteId(), 1, Integer::sum);
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            for (int s = 0; s < candidates.size(); s++) {
                if (n[g][s] != null) {
                    model.addHint(n[g][s], count.getOrDefault(g + "@" + candidates.get(s).id(), 0));
                }
            }
        }
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
