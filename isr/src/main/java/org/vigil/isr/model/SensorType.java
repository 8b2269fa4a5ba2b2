package org.vigil.isr.model;

import java.util.Locale;

/** A satellite imager: optical needs daylight at the target, radar (SAR) does not. */
public enum SensorType {
    OPTICAL,
    SAR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsDaylight() {
        return this == OPTICAL;
    }
}
