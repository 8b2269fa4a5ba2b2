package org.vigil.isr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.vigil.isr.access.AccessWindow;
import org.vigil.isr.access.AirReach;
import org.vigil.isr.access.SatelliteAccess;
import org.vigil.isr.access.Station;
import org.vigil.isr.area.AreasOfInterest;
import org.vigil.isr.model.Aircraft;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.Assets;
import org.vigil.isr.model.DroneFleet;
import org.vigil.isr.model.Horizon;
import org.vigil.isr.model.Satellite;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;

/**
 * One collection-planning question, with the geometry worked out: the areas and their
 * requirements, each satellite's access windows (Orekit), each aircraft's stations and
 * each drone fleet's reachable areas. The scheduler only chooses among these.
 *
 * @param windows     daylight-valid access windows, every satellite
 * @param darkWindows optical windows that fail only for darkness (to explain unmet requirements)
 * @param stations    per aircraft (same order as {@code assets.aircraft()})
 * @param droneTargets per fleet: the areas a sortie can patrol
 * @param sortieWatches per fleet, per target area: the areas that sortie watches
 */
public record IsrProblem(Theatre theatre, Assets assets, List<Satellite> satellites, Horizon horizon, List<Area> areas,
                         List<AccessWindow> windows, List<AccessWindow> darkWindows, List<List<Station>> stations,
                         List<List<Integer>> droneTargets, List<Map<Integer, List<Integer>>> sortieWatches) {

    public static IsrProblem build(Theatre theatre, Assets assets, List<Satellite> satellites, Horizon horizon) {
        long t0 = System.nanoTime();
        List<Area> areas = AreasOfInterest.build(theatre, assets);
        debug("areas", t0);
        SatelliteAccess access = new SatelliteAccess(assets.minSunElevationDeg());
        List<List<AccessWindow>> perSat = IntStream.range(0, satellites.size()).parallel()
                .mapToObj(i -> access.windows(satellites.get(i), areas, horizon)).toList();
        List<AccessWindow> day = new ArrayList<>(), dark = new ArrayList<>();
        for (List<AccessWindow> l : perSat) {
            for (AccessWindow w : l) {
                (w.daylight() ? day : dark).add(w);
            }
        }
        debug("satellite access", t0);
        AirReach reach = new AirReach(theatre, areas, assets.standoffMetres());
        List<GeoPoint> candidates = reach.friendlyStationPoints();
        List<List<Station>> stations = new ArrayList<>();
        for (Aircraft ac : assets.aircraft()) {
            stations.add(reach.stations(ac, candidates, horizon.slotSeconds()));
        }
        debug("stations", t0);
        List<List<Integer>> targets = new ArrayList<>();
        List<Map<Integer, List<Integer>>> watches = new ArrayList<>();
        for (DroneFleet f : assets.drones()) {
            List<Integer> t = reach.droneTargets(f);
            targets.add(t);
            Map<Integer, List<Integer>> w = new ConcurrentHashMap<>();
            t.parallelStream().forEach(a -> w.put(a, reach.sortieWatches(a, f)));
            watches.add(Map.copyOf(w));
        }
        debug("drones", t0);
        return new IsrProblem(theatre, assets, satellites, horizon, areas, List.copyOf(day), List.copyOf(dark),
                List.copyOf(stations), List.copyOf(targets), List.copyOf(watches));
    }

    private static void debug(String what, long t0) {
        if (Boolean.getBoolean("vigil.solver.log")) {
            System.err.printf(java.util.Locale.ROOT, "[isr] %s done at %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
        }
    }
}
