package org.vigil.posture.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of unit a nation contributes. Only mechanised units serve as quick-reaction forces. */
public enum UnitType {
    INFANTRY,
    MECHANISED,
    ENGINEER,
    AIR_DEFENCE,
    LOGISTICS,
    HEADQUARTERS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isQuickReactionForce() {
        return this == MECHANISED;
    }

    public static Optional<UnitType> fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(t -> t.code().equals(c)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(UnitType::code).collect(Collectors.joining(", "));
    }
}
