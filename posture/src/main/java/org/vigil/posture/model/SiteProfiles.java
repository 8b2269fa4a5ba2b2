package org.vigil.posture.model;

import org.vigil.theatre.site.Site;

/**
 * The default criticality, guard strength and station capacity of a site, by kind
 * (documented in README.md). Nuclear power stations in government-controlled
 * territory weigh most; a decommissioned one (no capacity: Chornobyl's confinement
 * and spent-fuel stores) still weighs more than any city. Cities scale with
 * population, up to Kyiv's three million. Occupied sites weigh nothing: the force
 * does not go there.
 */
public final class SiteProfiles {

    private static final double LARGEST_CITY = 3_000_000;

    private SiteProfiles() {
    }

    public static SiteProfile defaultFor(Site site) {
        if (!site.isGovernmentControlled()) {
            return new SiteProfile(0, 1, 0);
        }
        double size = Math.min(1, site.population().orElse(0) / LARGEST_CITY);
        return switch (site.kind()) {
            case NUCLEAR_POWER_STATION -> site.capacityMw().orElse(0) > 0
                    ? new SiteProfile(100, 1_200, 2_000)
                    : new SiteProfile(60, 800, 1_500);
            case CITY -> new SiteProfile(10 + (int) Math.round(40 * size), roundToHundred(600 + 1_400 * size),
                    roundToHundred(2_000 + 6_000 * size));
            case PORT -> new SiteProfile(30, 600, 2_000);
            case HYDRO_POWER_STATION -> new SiteProfile(25, 400, 1_000);
            case THERMAL_POWER_STATION -> new SiteProfile(15, 300, 1_000);
            case GAS_STORAGE -> new SiteProfile(20, 300, 800);
            case LOGISTICS_HUB -> new SiteProfile(20, 400, 4_000);
            case RAIL_HUB -> new SiteProfile(15, 300, 2_000);
            case BORDER_CROSSING -> new SiteProfile(15, 200, 600);
            case SUBSTATION -> new SiteProfile(15, 200, 400);
            case AIRPORT -> new SiteProfile(10, 400, 3_000);
            case BRIDGE -> new SiteProfile(10, 200, 400);
        };
    }

    private static int roundToHundred(double troops) {
        return (int) Math.round(troops / 100) * 100;
    }
}
