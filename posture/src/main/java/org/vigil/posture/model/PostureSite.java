package org.vigil.posture.model;

import org.vigil.theatre.site.Site;

/**
 * A theatre site as the posture sees it: its profile and its precomputed geodesic distances.
 *
 * @param site                         the theatre site
 * @param profile                      criticality, guard strength, capacity
 * @param distanceToContactLineMetres  geodesic distance to the line of contact
 * @param distanceToBorderMetres       geodesic distance to the country's border
 * @param distanceToSupplyMetres       geodesic distance to the nearest logistics entry point
 */
public record PostureSite(Site site, SiteProfile profile, double distanceToContactLineMetres,
                          double distanceToBorderMetres, double distanceToSupplyMetres) {

    public String id() {
        return site.id();
    }
}
