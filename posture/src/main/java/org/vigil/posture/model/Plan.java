package org.vigil.posture.model;

import java.util.List;

/**
 * A posture plan: which unit is stationed where, and what that protects.
 *
 * @param status     what the solver proved
 * @param objective  criticality-weighted protection, points (a guarded site earns its criticality, a covered one half)
 * @param bound      the solver's best bound on the objective (equal to it when OPTIMAL)
 * @param rules      the rules it was planned under
 * @param stations   units and their sites
 * @param sites      the protection of every government-controlled site
 * @param seconds    wall-clock solve time
 * @param message    why there is no plan (INFEASIBLE / UNKNOWN), else empty
 */
public record Plan(SolveStatus status, double objective, double bound, Rules rules, List<Station> stations,
                   List<SiteStatus> sites, double seconds, String message) {

    public Plan {
        stations = List.copyOf(stations);
        sites = List.copyOf(sites);
    }

    public int totalStrength() {
        return stations.stream().mapToInt(s -> s.unit().strength()).sum();
    }

    /** Troops a nation must generate to keep the plan's strength deployed indefinitely. */
    public int rotationStrength() {
        return totalStrength() * rules.rotationRatio();
    }

    public long guardedCount() {
        return sites.stream().filter(SiteStatus::guarded).count();
    }

    public long coveredCount() {
        return sites.stream().filter(SiteStatus::covered).count();
    }
}
