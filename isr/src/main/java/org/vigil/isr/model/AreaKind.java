package org.vigil.isr.model;

import java.util.Locale;

/** What an area of interest is; the spelling in files is {@link #code()}. */
public enum AreaKind {
    /** A piece of the line of contact. */
    CONTACT_LINE,
    /** A piece of the border with Belarus. */
    NORTHERN_BORDER,
    /** A piece of the government-controlled border with Russia. */
    EASTERN_BORDER,
    /** A protected site (nuclear power station, dam...). */
    SITE,
    /** A user polygon. */
    POLYGON;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
