package org.vigil.posture.model;

import java.util.List;

/**
 * Interchangeable units of one nation: same type and strength. The solver decides how
 * many of a group go to each site, which removes the symmetry between identical units.
 *
 * @param nation   the nation's code
 * @param type     unit type
 * @param strength troops per unit
 * @param units    the units, in order of id
 */
public record UnitGroup(String nation, UnitType type, int strength, List<Unit> units) {
    public UnitGroup {
        units = List.copyOf(units);
    }

    public int count() {
        return units.size();
    }
}
