package org.vigil.posture.model;

import java.util.List;

/**
 * Interchangeable units: same type, strength and national caveats (possibly of several
 * nations). The solver decides how many of a group go to each site, which removes the
 * symmetry between identical units.
 *
 * @param nation   the code of a nation whose caveats the whole group shares
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
