package org.vigil.posture.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contributed forces: nations with their caveats, their units, and the logistics
 * entry points (site ids) through which they are supplied.
 */
public record Forces(List<Nation> nations, List<Unit> units, List<String> logisticsEntryPoints,
                     Map<String, SiteProfile> siteProfileOverrides) {

    public Forces {
        nations = List.copyOf(nations);
        units = List.copyOf(units);
        logisticsEntryPoints = List.copyOf(logisticsEntryPoints);
        siteProfileOverrides = Map.copyOf(siteProfileOverrides);
    }

    public Optional<Nation> nation(String code) {
        return nations.stream().filter(n -> n.code().equals(code)).findFirst();
    }

    public int availableStrength() {
        return units.stream().mapToInt(Unit::strength).sum();
    }

    /**
     * Interchangeable units grouped by (type, strength, caveats): units of different
     * nations with the same caveats can stand in for one another, so the solver sees
     * one pool instead of symmetric copies. Nations only matter through their caveats.
     * Stable order: by first appearance in the file.
     */
    public List<UnitGroup> groups() {
        Map<String, List<Unit>> byKey = new LinkedHashMap<>();
        for (Unit u : units) {
            List<Caveat> caveats = nation(u.nation()).map(Nation::caveats).orElse(List.of());
            byKey.computeIfAbsent(u.type() + "|" + u.strength() + "|" + caveats, k -> new ArrayList<>()).add(u);
        }
        return byKey.values().stream()
                .map(us -> new UnitGroup(us.get(0).nation(), us.get(0).type(), us.get(0).strength(), us))
                .toList();
    }
}
