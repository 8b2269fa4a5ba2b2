package org.vigil.posture.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.site.Site;
import org.vigil.theatre.site.SiteKind;

/**
 * Everything a posture plan is decided from: the theatre, the forces, the rules, and
 * each site's profile and geodesic distances (computed once here, since every
 * candidate station needs them).
 */
public final class PostureProblem {

    private final Theatre theatre;
    private final Forces forces;
    private final Rules rules;
    private final List<PostureSite> sites;
    private final Map<String, PostureSite> byId;
    private final List<PostureSite> requiredSites;

    private PostureProblem(Theatre theatre, Forces forces, Rules rules, List<PostureSite> sites) {
        this.theatre = theatre;
        this.forces = forces;
        this.rules = rules;
        this.sites = List.copyOf(sites);
        Map<String, PostureSite> m = new LinkedHashMap<>();
        sites.forEach(s -> m.put(s.id(), s));
        this.byId = m;
        this.requiredSites = expandRequirements(rules.requirements());
    }

    /**
     * Builds a problem, checking that the forces file and the rules refer to things the
     * theatre has.
     *
     * @throws IllegalArgumentException naming the unknown site, kind or entry point
     */
    public static PostureProblem of(Theatre theatre, Forces forces, Rules rules) {
        List<Site> entries = new ArrayList<>();
        for (String id : forces.logisticsEntryPoints()) {
            entries.add(theatre.site(id).orElseThrow(() ->
                    new IllegalArgumentException("logisticsEntryPoints: unknown site id '" + id + "'")));
        }
        for (String id : forces.siteProfileOverrides().keySet()) {
            if (theatre.site(id).isEmpty()) {
                throw new IllegalArgumentException("siteProfiles: unknown site id '" + id + "'");
            }
        }
        List<PostureSite> sites = new ArrayList<>();
        for (Site s : theatre.sites()) {
            SiteProfile profile = forces.siteProfileOverrides().getOrDefault(s.id(), SiteProfiles.defaultFor(s));
            double supply = entries.stream().mapToDouble(e -> Geodesy.distanceMetres(e.location(), s.location()))
                    .min().orElse(0);
            sites.add(new PostureSite(s, profile, theatre.distanceToContactLineMetres(s.location()),
                    theatre.distanceToBorderMetres(s.location()), supply));
        }
        return new PostureProblem(theatre, forces, rules, sites);
    }

    /** The same theatre, forces and distances under other rules (for sweeps: no geodesy again). */
    public PostureProblem withRules(Rules other) {
        return new PostureProblem(theatre, forces, other, sites);
    }

    private List<PostureSite> expandRequirements(List<String> tokens) {
        Set<PostureSite> out = new LinkedHashSet<>();
        for (String raw : tokens) {
            String token = raw.trim();
            if (token.isEmpty() || token.equalsIgnoreCase("none")) {
                continue;
            }
            Optional<SiteKind> kind = SiteKind.fromCode(token);
            if (kind.isPresent()) {
                // A kind asks for the sites of that kind the force can reach: government-controlled ones.
                sites.stream().filter(s -> s.site().kind() == kind.get() && s.site().isGovernmentControlled())
                        .forEach(out::add);
            } else if (byId.containsKey(token)) {
                out.add(byId.get(token));
            } else {
                throw new IllegalArgumentException("--require: '" + token + "' is neither a site id nor a site kind ("
                        + SiteKind.codes() + ")");
            }
        }
        return List.copyOf(out);
    }

    public Theatre theatre() {
        return theatre;
    }

    public Forces forces() {
        return forces;
    }

    public Rules rules() {
        return rules;
    }

    public List<PostureSite> sites() {
        return sites;
    }

    public Optional<PostureSite> site(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The sites that must be guarded. */
    public List<PostureSite> requiredSites() {
        return requiredSites;
    }

    /** The requirement tokens as given, for messages ("nuclear_power_station"). */
    public String requirementLabel() {
        List<String> r = rules.requirements().stream().filter(t -> !t.isBlank() && !t.equalsIgnoreCase("none")).toList();
        return r.isEmpty() ? "none" : String.join(",", r);
    }

    /**
     * Why a unit of this nation may not be stationed at this site, or empty if it may.
     * The rules are checked in the order they are documented.
     */
    public Optional<String> stationingBlockedBy(PostureSite s, Nation nation) {
        Optional<String> site = stationingBlockedBy(s);
        if (site.isPresent()) {
            return site;
        }
        for (Caveat c : nation.caveats()) {
            if (c.forbids(s.site(), s.distanceToContactLineMetres(), s.distanceToBorderMetres())) {
                return Optional.of("national caveat of " + nation.code() + " (" + c.describe() + ")");
            }
        }
        return Optional.empty();
    }

    /** Why no unit at all may be stationed at this site, or empty. */
    public Optional<String> stationingBlockedBy(PostureSite s) {
        if (!s.site().isGovernmentControlled() || theatre.isOccupied(s.site().location())) {
            return Optional.of("stations only in government-controlled territory (" + s.id() + " is occupied)");
        }
        if (s.distanceToContactLineMetres() < rules.standoffMetres()) {
            return Optional.of(String.format(Locale.ROOT,
                    "stand-off (%s is %.1f km from the line of contact, inside the %.0f km stand-off)", s.id(),
                    s.distanceToContactLineMetres() / 1000, rules.standoffMetres() / 1000));
        }
        if (s.profile().stationCapacity() <= 0) {
            return Optional.of("station capacity (" + s.id() + " cannot host troops)");
        }
        return Optional.empty();
    }
}
