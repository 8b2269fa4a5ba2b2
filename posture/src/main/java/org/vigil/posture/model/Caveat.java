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

    /** What a distance band is measured from. */
    enum Reference {
        CONTACT_LINE("the line of contact"),
        BORDER("the border");

        final String phrase;

        Reference(String phrase) {
            this.phrase = phrase;
        }
    }

    /** Will not serve between these geodesic distances (metres) from the line of contact or the border. */
    record DistanceBand(Reference from, double fromMetres, double toMetres) implements Caveat {
        public DistanceBand {
            if (!(fromMetres >= 0 && toMetres > fromMetres)) {
                throw new IllegalArgumentException("a band needs 0 <= from < to");
            }
        }

        @Override
        public boolean forbids(Site site, double toContactMetres, double toBorderMetres) {
            double d = from == Reference.CONTACT_LINE ? toContactMetres : toBorderMetres;
            return d >= fromMetres && d < toMetres;
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "not %.0f-%.0f km from %s", fromMetres / 1000, toMetres / 1000,
                    from.phrase);
        }
    }
}
