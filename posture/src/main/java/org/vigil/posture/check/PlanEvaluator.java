package org.vigil.posture.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.PostureSite;
import org.vigil.posture.model.SiteStatus;
import org.vigil.posture.model.Station;
import org.vigil.theatre.geo.Geodesy;

/**
 * Measures what a set of stations protects, from first principles and without the
 * solver: a site is guarded when its guard strength stands on it, covered when a
 * mechanised unit is within the response time by road (geodesic distance times the
 * tortuosity factor, at the road-march speed).
 */
public final class PlanEvaluator {

    private PlanEvaluator() {
    }

    /** The protection of every government-controlled site, in theatre order. */
    public static List<SiteStatus> evaluate(PostureProblem problem, List<Station> stations) {
        Map<String, Integer> onSite = new HashMap<>();
        List<PostureSite> qrfSites = new ArrayList<>();
        for (Station s : stations) {
            onSite.merge(s.siteId(), s.unit().strength(), Integer::sum);
            if (s.unit().type().isQuickReactionForce()) {
                problem.site(s.siteId()).ifPresent(qrfSites::add);
            }
        }
        List<SiteStatus> out = new ArrayList<>();
        for (PostureSite site : problem.sites()) {
            if (!site.site().isGovernmentControlled()) {
                continue;
            }
            int strength = onSite.getOrDefault(site.id(), 0);
            OptionalDouble response = qrfSites.stream()
                    .mapToDouble(q -> problem.rules().responseSeconds(
                            Geodesy.distanceMetres(q.site().location(), site.site().location())) / 60)
                    .min();
            boolean covered = response.isPresent()
                    && response.getAsDouble() <= problem.rules().responseTime().toSeconds() / 60.0 + 1e-9;
            out.add(new SiteStatus(site, strength >= site.profile().guardStrength(), covered, strength, response));
        }
        return out;
    }

    /** Criticality-weighted protection: a guarded site earns its criticality, a covered one half. */
    public static double objective(List<SiteStatus> statuses) {
        return statuses.stream().mapToDouble(s -> s.site().profile().criticality() * s.protectionLevel()).sum();
    }
}
