package org.vigil.theatre.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a site is: the closed vocabulary of {@code sites.csv}'s {@code kind} column. */
public enum SiteKind {
    CITY,
    NUCLEAR_POWER_STATION,
    PORT,
    HYDRO_POWER_STATION,
    THERMAL_POWER_STATION,
    AIRPORT,
    RAIL_HUB,
    BORDER_CROSSING,
    GAS_STORAGE,
    BRIDGE,
    LOGISTICS_HUB,
    SUBSTATION;

    /** The spelling used in files, e.g. {@code nuclear_power_station}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SiteKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The codes, comma separated, for error messages. */
    public static String codes() {
        return Arrays.stream(values()).map(SiteKind::code).collect(Collectors.joining(", "));
    }
}
