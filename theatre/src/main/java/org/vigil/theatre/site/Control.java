package org.vigil.theatre.site;

/** Who controls the ground a site stands on (as of the theatre's date). */
public enum Control {
    GOVERNMENT,
    OCCUPIED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
