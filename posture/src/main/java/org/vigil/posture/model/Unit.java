package org.vigil.posture.model;

/**
 * One deployable unit (a battlegroup, a company, an HQ).
 *
 * @param id       unique, e.g. {@code GBR-mechanised-2}
 * @param nation   the contributing nation's code
 * @param type     what kind of unit
 * @param strength troops in the unit
 */
public record Unit(String id, String nation, UnitType type, int strength) {
    public Unit {
        if (strength <= 0) {
            throw new IllegalArgumentException("unit strength must be positive");
        }
    }
}
