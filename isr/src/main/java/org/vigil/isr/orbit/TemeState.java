package org.vigil.isr.orbit;

/**
 * A satellite state in TEME (True Equator, Mean Equinox: SGP4's own frame), kilometres
 * and kilometres per second, at a time given in minutes since the element set's epoch.
 */
public record TemeState(int satnum, double minutes, double xKm, double yKm, double zKm,
                        double vxKmPerS, double vyKmPerS, double vzKmPerS) {
}
