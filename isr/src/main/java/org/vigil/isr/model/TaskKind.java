package org.vigil.isr.model;

import java.util.Locale;

/** What carries out a task. */
public enum TaskKind {
    SATELLITE,
    AIRCRAFT,
    DRONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
