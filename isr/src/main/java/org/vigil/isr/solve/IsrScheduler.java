package org.vigil.isr.solve;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.isr.IsrProblem;
import org.vigil.isr.access.AccessWindow;
import org.vigil.isr.access.Station;
import org.vigil.isr.model.Aircraft;
import org.vigil.isr.model.Area;
import org.vigil.isr.model.DroneFleet;
import org.vigil.isr.model.Horizon;
import org.vigil.isr.model.IsrPlan;
import org.vigil.isr.model.Task;
import org.vigil.isr.model.TaskKind;
import org.vigil.theatre.geo.Geodesy;

/**
 * Turns an {@link IsrProblem} into a CP-SAT model over 10-minute slots and back into tasks.
 *
 * <p><b>Time.</b> The horizon is cut into 10-minute slots; aircraft and drones arrive on
 * station and leave on the boundaries of 30-minute blocks (three slots), so coverage is
 * decided per block. Satellite windows keep their exact times and count in the block they
 * start in.
 *
 * <p><b>Decisions.</b> Aircraft: a boolean per (aircraft, station, arrival block); a mission
 * is out-transit, whole blocks on station, return, then turnaround, and an aircraft flies one
 * mission at a time. Drones: an integer per (fleet, patrolled area, arrival block), the number
 * of the fleet's identical drones sent (aggregated: which drone flies which sortie is decided
 * afterwards by interval colouring, always possible when no more than {@code count} are
 * airborne or being turned round at once). Satellites: a boolean per access window of a
 * tasked satellite, at most {@code tasksPerPass} per overflight; nadir-only satellites image
 * their swath anyway (no decision). Launches may fall before the horizon so that an asset
 * can be on station at its start.
 *
 * <p><b>Coverage.</b> Time on station and fleet occupancy are telescoping sums (on station
 * now = a block ago + arrivals - departures), and the coverers of each area are precomputed,
 * so each (area, block) needs one short constraint {@code watched <= sum of what covers it}.
 *
 * <p><b>Requirements.</b> A revisit of R minutes is met when every run of
 * {@code floor(R / 30 min) - 1} consecutive blocks holds a watched block: then no gap,
 * measured between any instants inside the watched blocks (satellite windows are seconds
 * long), exceeds R, so the model never claims a requirement that the tasks miss.
 * Continuous (R = 0) means every block watched by an aircraft or drone on station.
 *
 * <p><b>Objective.</b> Each revisit window met earns its area's priority divided by the
 * area's number of windows, so an area whose every window is met earns its full priority and
 * the maximum is the sum of all priorities. CP-SAT starts from {@link GreedyHint}'s plan,
 * stops at a relative gap of 0.5 % or the time limit, and reports its bound.
 */
public final class IsrScheduler {

    /** Aircraft and drones arrive and leave on the boundaries of 30-minute blocks (three slots). */
    static final int BLOCK_SLOTS = 3;
    /** Objective coefficients are priority / windows, scaled to integers by this factor. */
    static final double OBJECTIVE_SCALE = 10_000;

    private final Duration timeLimit;
    private final int workers;

    public IsrScheduler(Duration timeLimit, int workers) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        this.timeLimit = timeLimit;
        this.workers = Math.max(1, workers);
        Loader.loadNativeLibraries();
    }

    /** Slot arithmetic of one mission kind: launch at l, on station [l+out, l+out+loiter), busy [l, l+busy). */
    record Timing(int out, int loiter, int busy) {
        static Timing of(double distanceMetres, double speed, double endurance, double turnaround, double slot, int block) {
            int out = (int) Math.ceil(distanceMetres / speed / slot);
            int airborne = (int) Math.floor(endurance / slot);
            int loiter = (airborne - 2 * out) / block * block; // whole blocks on station
            int busy = airborne + (int) Math.ceil(turnaround / slot);
            return new Timing(out, loiter, busy);
        }
    }

    record AircraftMission(int aircraft, Station station, Timing timing, Map<Integer, BoolVar> launches) {
    }

    record DroneSortie(int fleet, int target, List<Integer> watches, Timing timing, Map<Integer, IntVar> launches) {
    }

    public IsrPlan solve(IsrProblem p) {
        long started = System.nanoTime();
        Horizon h = p.horizon();
        int T = h.slots();
        int G = BLOCK_SLOTS;
        int K = (T + G - 1) / G; // decision blocks
        double slot = h.slotSeconds();
        List<Area> areas = p.areas();
        int A = areas.size();
        CpModel model = new CpModel();

        // Per (area, block): what may watch it. Air assets only for continuous areas.
        List<List<LinearExprBuilder>> cover = new ArrayList<>();
        boolean[][] any = new boolean[A][K];
        for (int a = 0; a < A; a++) {
            List<LinearExprBuilder> row = new ArrayList<>(K);
            for (int k = 0; k < K; k++) {
                row.add(LinearExpr.newBuilder());
            }
            cover.add(row);
        }

        // Aircraft: launch so as to be on station from the start of a block, for whole blocks.
        List<AircraftMission> missions = new ArrayList<>();
        for (int i = 0; i < p.assets().aircraft().size(); i++) {
            Aircraft ac = p.assets().aircraft().get(i);
            int minLaunch = 0, busyLen = 0;
            Map<Integer, LinearExprBuilder> launchesAt = new TreeMap<>();
            for (Station st : p.stations().get(i)) {
                Timing tm = Timing.of(Geodesy.distanceMetres(ac.base().location(), st.location()), ac.speedMetresPerSecond(),
                        ac.enduranceSeconds(), ac.turnaroundSeconds(), slot, G);
                if (tm.loiter() < G) {
                    continue;
                }
                Map<Integer, BoolVar> launches = new TreeMap<>();
                for (int k = 0; k < K; k++) {
                    int l = k * G - tm.out();
                    BoolVar v = model.newBoolVar("x_" + ac.id() + "_" + st.id() + "_" + l);
                    launches.put(l, v);
                    launchesAt.computeIfAbsent(l, q -> LinearExpr.newBuilder()).add(v);
                }
                minLaunch = Math.min(minLaunch, -tm.out());
                busyLen = Math.max(busyLen, tm.busy());
                AircraftMission m = new AircraftMission(i, st, tm, launches);
                missions.add(m);
                IntVar[] on = telescope(model, launches, tm, K, 1, "on_" + st.id());
                for (int k = 0; k < K; k++) {
                    for (int a : st.watches()) {
                        cover.get(a).get(k).add(on[k]);
                        any[a][k] = true;
                    }
                }
            }
            // One mission at a time: missions launched in (t - busy, t] are airborne or being turned round.
            capacity(model, launchesAt, busyLen, minLaunch, T, 1, "ac_" + ac.id());
        }

        // Drones: the number of a fleet's drones sent to patrol an area, by block of arrival.
        List<DroneSortie> sorties = new ArrayList<>();
        for (int f = 0; f < p.assets().drones().size(); f++) {
            DroneFleet fleet = p.assets().drones().get(f);
            if (fleet.count() == 0) {
                continue;
            }
            int busyLen = -1, first = 0;
            Map<Integer, LinearExprBuilder> launchesAt = new TreeMap<>();
            for (int target : p.droneTargets().get(f)) {
                Timing tm = Timing.of(Geodesy.distanceMetres(fleet.base().location(), areas.get(target).centre()),
                        fleet.speedMetresPerSecond(), fleet.enduranceSeconds(), fleet.turnaroundSeconds(), slot, G);
                if (tm.loiter() < G) {
                    continue;
                }
                busyLen = tm.busy();
                first = Math.min(first, -tm.out());
                Map<Integer, IntVar> launches = new TreeMap<>();
                for (int k = 0; k < K; k++) {
                    int l = k * G - tm.out();
                    IntVar v = model.newIntVar(0, fleet.count(), "y_" + fleet.id() + "_" + target + "_" + l);
                    launches.put(l, v);
                    launchesAt.computeIfAbsent(l, q -> LinearExpr.newBuilder()).add(v);
                }
                DroneSortie s = new DroneSortie(f, target, p.sortieWatches().get(f).get(target), tm, launches);
                sorties.add(s);
                IntVar[] on = telescope(model, launches, tm, K, fleet.count(), "d_" + fleet.id() + "_" + target);
                for (int k = 0; k < K; k++) {
                    for (int a : s.watches()) {
                        cover.get(a).get(k).add(on[k]);
                        any[a][k] = true;
                    }
                }
            }
            if (busyLen > 0) {
                // Busy length is the same for every sortie of a fleet (endurance + turnaround).
                capacity(model, launchesAt, busyLen, first, T, fleet.count(), "fleet_" + fleet.id());
            }
        }

        // Satellites: tasked windows are choices, capacity per pass; nadir-only windows are given.
        Map<String, List<BoolVar>> perPass = new TreeMap<>();
        List<AccessWindow> tasked = new ArrayList<>();
        List<BoolVar> taskedVars = new ArrayList<>();
        boolean[][] given = new boolean[A][K];
        Map<String, Integer> areaIndex = new TreeMap<>();
        for (int a = 0; a < A; a++) {
            areaIndex.put(areas.get(a).id(), a);
        }
        for (AccessWindow w : p.windows()) {
            int a = areaIndex.get(w.areaId());
            int t = h.slotOf(w.start());
            if (t < 0 || t >= T || areas.get(a).continuous()) {
                continue;
            }
            int k = t / G;
            if (!w.satellite().tasked()) {
                given[a][k] = true;
                continue;
            }
            if (w.satellite().tasksPerPass() == 0) {
                continue;
            }
            BoolVar z = model.newBoolVar("z_" + w.satellite().satnum() + "_" + w.areaId() + "_" + t);
            tasked.add(w);
            taskedVars.add(z);
            perPass.computeIfAbsent(w.satellite().satnum() + "/" + w.pass(), q -> new ArrayList<>()).add(z);
            cover.get(a).get(k).add(z);
            any[a][k] = true;
        }
        for (List<BoolVar> pass : perPass.values()) {
            int cap = tasked.get(taskedVars.indexOf(pass.get(0))).satellite().tasksPerPass();
            if (pass.size() > cap) {
                model.addLessOrEqual(LinearExpr.sum(pass.toArray(new BoolVar[0])), cap);
            }
        }

        // Requirements: one boolean per revisit window, worth priority / windows of the area.
        LinearExprBuilder objective = LinearExpr.newBuilder();
        double constant = 0;
        double blockMinutes = G * slot / 60;
        double horizonMinutes = T * slot / 60;
        for (int a = 0; a < A; a++) {
            Area area = areas.get(a);
            if (!area.continuous() && area.revisitMinutes() >= horizonMinutes) {
                constant += area.priority();
                continue;
            }
            Object[] watched = new Object[K];
            for (int k = 0; k < K; k++) {
                if (given[a][k]) {
                    watched[k] = Boolean.TRUE;
                } else if (any[a][k]) {
                    BoolVar v = model.newBoolVar("w_" + area.id() + "_" + k);
                    model.addLessOrEqual(v, cover.get(a).get(k).build());
                    watched[k] = v;
                }
            }
            int w = area.continuous() ? 1 : Math.max(1, (int) Math.floor(area.revisitMinutes() / blockMinutes) - 1);
            w = Math.min(w, K);
            int windows = K - w + 1;
            long coefficient = Math.round(OBJECTIVE_SCALE * area.priority() / windows);
            for (int s = 0; s < windows; s++) {
                LinearExprBuilder b = LinearExpr.newBuilder();
                boolean byGiven = false;
                int terms = 0;
                for (int k = s; k < s + w; k++) {
                    if (watched[k] == Boolean.TRUE) {
                        byGiven = true;
                        break;
                    }
                    if (watched[k] instanceof BoolVar v) {
                        b.add(v);
                        terms++;
                    }
                }
                if (byGiven) {
                    constant += coefficient / OBJECTIVE_SCALE;
                } else if (terms > 0) {
                    BoolVar met = model.newBoolVar("m_" + area.id() + "_" + s);
                    model.addGreaterOrEqual(b, met);
                    objective.addTerm(met, coefficient);
                }
            }
        }
        model.maximize(objective);
        hint(model, areas, K, G, given, p, missions, sorties, tasked, taskedVars, h);

        CpSolver solver = new CpSolver();
        double remaining = Math.max(1, timeLimit.toMillis() / 1000.0 - (System.nanoTime() - started) / 1e9);
        solver.getParameters().setMaxTimeInSeconds(remaining).setNumWorkers(workers)
                .setRelativeGapLimit(Double.parseDouble(System.getProperty("vigil.isr.gapLimit", "0.005")))
                .setLogSearchProgress(Boolean.getBoolean("vigil.solver.log"));
        if (Boolean.getBoolean("vigil.solver.log")) {
            solver.getParameters().setLogToStdout(false);
            solver.setLogCallback(System.err::println);
        }
        CpSolverStatus status = solver.solve(model);
        double seconds = (System.nanoTime() - started) / 1e9;
        Instant end = h.end();
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new IsrPlan(h.start(), end, status == CpSolverStatus.INFEASIBLE ? "INFEASIBLE" : "UNKNOWN", 0, 0, 1, List.of(), seconds);
        }

        List<Task> tasks = new ArrayList<>();
        for (AircraftMission m : missions) {
            Aircraft ac = p.assets().aircraft().get(m.aircraft());
            for (var e : m.launches().entrySet()) {
                if (solver.booleanValue(e.getValue())) {
                    int from = e.getKey() + m.timing().out();
                    int to = Math.min(T, from + m.timing().loiter());
                    tasks.add(new Task(ac.id(), TaskKind.AIRCRAFT, h.slotStart(from), h.slotStart(to), ids(areas, m.station().watches())));
                }
            }
        }
        tasks.addAll(droneTasks(p, sorties, solver, h));
        for (int k = 0; k < tasked.size(); k++) {
            if (solver.booleanValue(taskedVars.get(k))) {
                AccessWindow w = tasked.get(k);
                tasks.add(new Task(w.satellite().assetId(), TaskKind.SATELLITE, w.start(), w.end(), List.of(w.areaId())));
            }
        }
        for (AccessWindow w : p.windows()) {
            if (!w.satellite().tasked()) {
                tasks.add(new Task(w.satellite().assetId(), TaskKind.SATELLITE, w.start(), w.end(), List.of(w.areaId())));
            }
        }
        tasks.sort(Comparator.comparing(Task::start).thenComparing(Task::asset));
        double obj = solver.objectiveValue() / OBJECTIVE_SCALE + constant;
        double bound = Math.max(obj, solver.bestObjectiveBound() / OBJECTIVE_SCALE + constant);
        double gap = bound <= 0 ? 0 : (bound - obj) / bound;
        // CP-SAT calls a solution within the relative gap limit OPTIMAL; say FEASIBLE unless the bound is met.
        String reported = status == CpSolverStatus.OPTIMAL && gap > 1e-9 ? "FEASIBLE" : status.name();
        return new IsrPlan(h.start(), end, reported, obj, bound, gap, tasks, seconds);
    }

    /** Seeds the search with {@link GreedyHint}'s plan. */
    private static void hint(CpModel model, List<Area> areas, int K, int G, boolean[][] given, IsrProblem p,
                             List<AircraftMission> missions, List<DroneSortie> sorties, List<AccessWindow> tasked,
                             List<BoolVar> taskedVars, Horizon h) {
        int maxOut = 0;
        Map<GreedyHint.Mission, AircraftMission> ms = new java.util.LinkedHashMap<>();
        for (AircraftMission m : missions) {
            ms.put(new GreedyHint.Mission(m.aircraft(), m.station().watches(), m.timing().out(), m.timing().loiter() / G,
                    m.timing().busy()), m);
            maxOut = Math.max(maxOut, m.timing().out());
        }
        Map<GreedyHint.Sortie, DroneSortie> ds = new java.util.LinkedHashMap<>();
        for (DroneSortie d : sorties) {
            ds.put(new GreedyHint.Sortie(d.fleet(), d.watches(), d.timing().out(), d.timing().loiter() / G, d.timing().busy()), d);
            maxOut = Math.max(maxOut, d.timing().out());
        }
        Map<String, Integer> areaIndex = new java.util.HashMap<>();
        for (int a = 0; a < areas.size(); a++) {
            areaIndex.put(areas.get(a).id(), a);
        }
        List<GreedyHint.SatChoice> sats = new ArrayList<>();
        for (AccessWindow w : tasked) {
            sats.add(new GreedyHint.SatChoice(areaIndex.get(w.areaId()), h.slotOf(w.start()) / G,
                    w.satellite().satnum() + "/" + w.pass(), w.satellite().tasksPerPass()));
        }
        int[] counts = p.assets().drones().stream().mapToInt(DroneFleet::count).toArray();
        GreedyHint g = new GreedyHint(areas, K, G, given, p.assets().aircraft().size(), counts, maxOut);
        g.run(new ArrayList<>(ms.keySet()), new ArrayList<>(ds.keySet()), sats);
        // Fix the decisions to the greedy plan in a copy of the model and let CP-SAT complete
        // every other variable (time on station, watched, windows met): a complete hint.
        CpModel fixed = model.getClone();
        fixed.clearHints();
        ms.forEach((gm, m) -> {
            List<Integer> chosen = g.missionBlocks.getOrDefault(gm, List.of());
            m.launches().forEach((l, v) -> fixed.addEquality(v, chosen.contains((l + m.timing().out()) / G) ? 1 : 0));
        });
        ds.forEach((gs, d) -> {
            Map<Integer, Integer> chosen = g.sortieBlocks.getOrDefault(gs, Map.of());
            d.launches().forEach((l, v) -> fixed.addEquality(v, chosen.getOrDefault((l + d.timing().out()) / G, 0)));
        });
        for (int k = 0; k < taskedVars.size(); k++) {
            fixed.addEquality(taskedVars.get(k), g.satChosen.contains(k) ? 1 : 0);
        }
        CpSolver completer = new CpSolver();
        completer.getParameters().setMaxTimeInSeconds(10).setNumWorkers(1);
        CpSolverStatus st = completer.solve(fixed);
        if (Boolean.getBoolean("vigil.solver.log")) {
            System.err.println("[isr] greedy hint: " + st + " objective " + (st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE
                    ? completer.objectiveValue() / OBJECTIVE_SCALE : Double.NaN));
        }
        if (st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE) {
            model.clearHints();
            var hint = model.getBuilder().getSolutionHintBuilder();
            var values = completer.response().getSolutionList();
            for (int i = 0; i < values.size(); i++) {
                hint.addVars(i).addValues(values.get(i));
            }
        }
    }

    /**
     * At most {@code max} launched in any {@code busy} consecutive slots, as a telescoping
     * count: airborne[t] = airborne[t-1] + launched[t] - launched[t - busy] <= max.
     */
    private static void capacity(CpModel model, Map<Integer, LinearExprBuilder> launchesAt, int busy, int first, int T, int max,
                                 String name) {
        Map<Integer, IntVar> launched = new TreeMap<>();
        for (var e : launchesAt.entrySet()) {
            IntVar v = model.newIntVar(0, max, "n_" + name + "_" + e.getKey());
            model.addEquality(v, e.getValue().build());
            launched.put(e.getKey(), v);
        }
        IntVar previous = null;
        for (int t = first; t < T; t++) {
            IntVar in = launched.get(t), out = launched.get(t - busy);
            if (in == null && out == null && previous != null) {
                continue; // unchanged
            }
            IntVar now = model.newIntVar(0, max, "air_" + name + "_" + t);
            LinearExprBuilder rhs = LinearExpr.newBuilder();
            if (previous != null) {
                rhs.add(previous);
            }
            if (in != null) {
                rhs.add(in);
            }
            if (out != null) {
                rhs.addTerm(out, -1);
            }
            model.addEquality(now, rhs.build());
            previous = now;
        }
    }

    /**
     * on[k] for each block: how many launches of this kind are on station in block k, as a
     * telescoping sum: on[k] = on[k-1] + arrivals at k - departures at k.
     */
    private static IntVar[] telescope(CpModel model, Map<Integer, ? extends IntVar> launches, Timing tm, int K, int max, String name) {
        IntVar[] on = new IntVar[K];
        int stay = tm.loiter() / BLOCK_SLOTS;
        for (int k = 0; k < K; k++) {
            on[k] = model.newIntVar(0, max, name + "_" + k);
            LinearExprBuilder rhs = LinearExpr.newBuilder();
            if (k > 0) {
                rhs.add(on[k - 1]);
            }
            IntVar arriving = launches.get(k * BLOCK_SLOTS - tm.out());
            if (arriving != null) {
                rhs.add(arriving);
            }
            IntVar leaving = launches.get((k - stay) * BLOCK_SLOTS - tm.out());
            if (leaving != null) {
                rhs.addTerm(leaving, -1);
            }
            model.addEquality(on[k], rhs.build());
        }
        return on;
    }

    /** Assigns the fleet's sorties to individual drones (first free drone, by launch time). */
    private static List<Task> droneTasks(IsrProblem p, List<DroneSortie> sorties, CpSolver solver, Horizon h) {
        List<Task> out = new ArrayList<>();
        int T = h.slots();
        for (int f = 0; f < p.assets().drones().size(); f++) {
            DroneFleet fleet = p.assets().drones().get(f);
            record Launch(int slot, DroneSortie sortie) {
            }
            List<Launch> launches = new ArrayList<>();
            for (DroneSortie s : sorties) {
                if (s.fleet() != f) {
                    continue;
                }
                for (var e : s.launches().entrySet()) {
                    long n = solver.value(e.getValue());
                    for (int k = 0; k < n; k++) {
                        launches.add(new Launch(e.getKey(), s));
                    }
                }
            }
            launches.sort(Comparator.comparingInt(Launch::slot));
            int[] freeAt = new int[fleet.count()];
            java.util.Arrays.fill(freeAt, Integer.MIN_VALUE);
            for (Launch l : launches) {
                int d = 0;
                while (d < freeAt.length && freeAt[d] > l.slot()) {
                    d++;
                }
                if (d == freeAt.length) {
                    throw new IllegalStateException("drone fleet " + fleet.id() + " over capacity at slot " + l.slot());
                }
                freeAt[d] = l.slot() + l.sortie().timing().busy();
                int from = l.slot() + l.sortie().timing().out();
                int to = Math.min(T, from + l.sortie().timing().loiter());
                out.add(new Task(String.format(Locale.ROOT, "%s-%02d", fleet.id(), d + 1), TaskKind.DRONE, h.slotStart(from),
                        h.slotStart(to), ids(p.areas(), l.sortie().watches())));
            }
        }
        return out;
    }

    private static List<String> ids(List<Area> areas, List<Integer> idx) {
        return idx.stream().sorted().map(i -> areas.get(i).id()).toList();
    }
}
