package org.vigil.isr.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.isr.model.Area;

/**
 * A quick constructive plan handed to CP-SAT as its starting point (a hint, which the
 * solver is free to improve on). In priority order: continuous areas get back-to-back drone
 * sorties (or aircraft missions); each aircraft then flies, as early as it can, the
 * station that adds the most priority-weighted unwatched blocks; remaining revisit gaps are
 * filled with tasked satellite windows, then drone sorties, each placed as late as the
 * gap allows so that it reaches furthest.
 */
final class GreedyHint {

    /** What the greedy can choose; the fields mirror the model's decision variables. */
    record Mission(int aircraft, List<Integer> watches, int out, int stayBlocks, int busy) {
    }

    record Sortie(int fleet, List<Integer> watches, int out, int stayBlocks, int busy) {
    }

    record SatChoice(int area, int block, String pass, int capacity) {
    }

    private final int blocks;
    private final int g;
    private final List<Area> areas;
    private final boolean[][] watched;
    private final int offset;
    private final boolean[][] aircraftBusy;
    private final int[][] fleetAirborne;
    private final int[] fleetCount;

    final Map<Mission, List<Integer>> missionBlocks = new HashMap<>();
    final Map<Sortie, Map<Integer, Integer>> sortieBlocks = new HashMap<>();
    final List<Integer> satChosen = new ArrayList<>();

    GreedyHint(List<Area> areas, int blocks, int g, boolean[][] given, int aircraft, int[] fleetCount, int maxOut) {
        this.areas = areas;
        this.blocks = blocks;
        this.g = g;
        this.watched = new boolean[areas.size()][];
        for (int a = 0; a < areas.size(); a++) {
            watched[a] = given[a].clone();
        }
        this.offset = maxOut + g;
        int span = offset + blocks * g + 1;
        this.aircraftBusy = new boolean[aircraft][span];
        this.fleetAirborne = new int[fleetCount.length][span];
        this.fleetCount = fleetCount;
    }

    void run(List<Mission> missions, List<Sortie> sorties, List<SatChoice> sats) {
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++) {
            order.add(a);
        }
        order.sort(Comparator.comparingInt((Integer a) -> -areas.get(a).priority()));
        // 1. Continuous areas: drones back to back, aircraft if no drone can.
        for (int a : order) {
            if (!areas.get(a).continuous()) {
                continue;
            }
            for (int k = 0; k < blocks; k++) {
                if (!watched[a][k] && !sendDrone(sorties, a, k)) {
                    sendAircraft(missions, a, k);
                }
            }
        }
        // 2. Aircraft: each flies, as early as free, the station adding the most.
        int aircraftCount = aircraftBusy.length;
        for (int i = 0; i < aircraftCount; i++) {
            for (int k = 0; k < blocks; k++) {
                Mission best = null;
                long bestGain = 0;
                for (Mission m : missions) {
                    if (m.aircraft() != i || !aircraftFree(m, k)) {
                        continue;
                    }
                    long gain = 0;
                    for (int a : m.watches()) {
                        for (int q = k; q < Math.min(blocks, k + m.stayBlocks()); q++) {
                            if (!watched[a][q] && !areas.get(a).continuous()) {
                                gain += areas.get(a).priority();
                            }
                        }
                    }
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = m;
                    }
                }
                if (best != null && bestGain >= 20) {
                    take(best, k);
                }
            }
        }
        // 3. Revisit gaps: satellites, then drones, as late in the gap as possible.
        Map<String, Integer> used = new HashMap<>();
        for (int a : order) {
            Area area = areas.get(a);
            if (area.continuous()) {
                continue;
            }
            int w = windowBlocks(area);
            for (int s = 0; s + w <= blocks; s++) {
                boolean ok = false;
                for (int k = s; k < s + w && !ok; k++) {
                    ok = watched[a][k];
                }
                if (ok) {
                    continue;
                }
                boolean done = false;
                for (int k = s + w - 1; k >= s && !done; k--) {
                    for (int c = 0; c < sats.size() && !done; c++) {
                        SatChoice sc = sats.get(c);
                        if (sc.area() == a && sc.block() == k && used.getOrDefault(sc.pass(), 0) < sc.capacity()
                                && !satChosen.contains(c)) {
                            used.merge(sc.pass(), 1, Integer::sum);
                            satChosen.add(c);
                            watched[a][k] = true;
                            done = true;
                        }
                    }
                }
                for (int k = s + w - 1; k >= s && !done; k--) {
                    done = sendDrone(sorties, a, k);
                }
            }
        }
    }

    int windowBlocks(Area area) {
        double blockMinutes = g * 10.0;
        return Math.min(blocks, Math.max(1, (int) Math.floor(area.revisitMinutes() / blockMinutes) - 1));
    }

    private boolean sendDrone(List<Sortie> sorties, int a, int k) {
        Sortie best = null;
        for (Sortie s : sorties) {
            if (s.watches().contains(a) && fleetFree(s, k) && (best == null || s.stayBlocks() > best.stayBlocks())) {
                best = s;
            }
        }
        if (best == null) {
            return false;
        }
        int launch = k * g - best.out();
        for (int t = launch; t < launch + best.busy(); t++) {
            if (t + offset < fleetAirborne[best.fleet()].length) {
                fleetAirborne[best.fleet()][t + offset]++;
            }
        }
        sortieBlocks.computeIfAbsent(best, q -> new HashMap<>()).merge(k, 1, Integer::sum);
        mark(best.watches(), k, best.stayBlocks());
        return true;
    }

    private boolean sendAircraft(List<Mission> missions, int a, int k) {
        for (Mission m : missions) {
            if (m.watches().contains(a) && aircraftFree(m, k)) {
                take(m, k);
                return true;
            }
        }
        return false;
    }

    private void take(Mission m, int k) {
        int launch = k * g - m.out();
        for (int t = launch; t < launch + m.busy(); t++) {
            if (t + offset < aircraftBusy[m.aircraft()].length) {
                aircraftBusy[m.aircraft()][t + offset] = true;
            }
        }
        missionBlocks.computeIfAbsent(m, q -> new ArrayList<>()).add(k);
        mark(m.watches(), k, m.stayBlocks());
    }

    private boolean aircraftFree(Mission m, int k) {
        int launch = k * g - m.out();
        for (int t = launch; t < launch + m.busy(); t++) {
            if (t + offset >= 0 && t + offset < aircraftBusy[m.aircraft()].length && aircraftBusy[m.aircraft()][t + offset]) {
                return false;
            }
        }
        return true;
    }

    private boolean fleetFree(Sortie s, int k) {
        int launch = k * g - s.out();
        for (int t = launch; t < launch + s.busy(); t++) {
            if (t + offset >= 0 && t + offset < fleetAirborne[s.fleet()].length && fleetAirborne[s.fleet()][t + offset] >= fleetCount[s.fleet()]) {
                return false;
            }
        }
        return true;
    }

    private void mark(List<Integer> watches, int k, int stay) {
        for (int a : watches) {
            for (int q = k; q < Math.min(blocks, k + stay); q++) {
                watched[a][q] = true;
            }
        }
    }
}
