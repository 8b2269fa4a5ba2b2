package org.vigil.posture.model;

import java.util.Set;
import org.vigil.theatre.site.Site;

/**
 * A national caveat: somewhere a contributing nation will not station its troops.
 * A caveat sees the site and its precomputed geodesic distances (metres).
 */
public sealed interface Caveat {

    /** True when the caveat forbids stationing at this site. */
    boolean forbids(Site site, double distanceToContactLineMetres, double distanceToBorderMetres);

    /** A phrase for reports, e.g. "not in Kharkiv, Sumy". */
    String describe();

    /** Will not serve in these regions (oblast names as in sites.csv). */
    record ExcludedRegions(Set<String> oblasts) implements Caveat {
        public ExcludedRegions {
            oblasts = Set.copyOf(oblasts);
        }

        @Override
        public boolean forbids(Site site, double toContactMetres, double toBorderMetres) {
            return oblasts.contains(site.oblast());
        }

        @Override
        public String describe() {
            return "not in " + String.join(", ", oblasts.stream().sorted().toList());
        }
    }

    /** Will not serve between these geodesic distances from the line of contact, metres. */
    record ContactLineBand(double fromMetres, double toMetres) implements Caveat {
        public ContactLineBand {
            if (!(fromMetres >= 0 && toMetres > fromMetres)) {
                throw new IllegalArgumentException("a band needs 0 <= from < to");
            }
        }

        @Override
        public boolean forbids(Site site, double toContactMetres, double toBorderMetres) {
            return toContactMetres >= fromMetres && toContactMetres < toMetres;
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "not %.0f-%.0f km from the line of contact",
                    fromMetres / 1000, toMetres / 1000);
        }
    }

    /** Will not serve between these geodesic distances from the country's border, metres. */
    record BorderBand(double fromMetres, double toMetres) implements Caveat {
        public BorderBand {
            if (!(fromMetres >= 0 && toMetres > fromMetres)) {
                throw new IllegalArgumentException("a band needs 0 <= from < to");
            }
        }

        @Override
        public boolean forbids(Site site, double toContactMetres, double toBorderMetres) {
            return toBorderMetres >= fromMetres && toBorderMetres < toMetres;
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "not %.0f-%.0f km from the border",
                    fromMetres / 1000, toMetres / 1000);
        }
    }
}
