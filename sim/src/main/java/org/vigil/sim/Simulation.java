package org.vigil.sim;

import org.vigil.track.geo.LocalTangentPlane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.vigil.sim.sensor.AreaSurveillanceSensor;
import org.vigil.sim.sensor.Sensor;
import org.vigil.sim.truth.Convoy;
import org.vigil.sim.truth.GroundVehicle;
import org.vigil.sim.truth.Mover;
import org.vigil.track.io.ScenarioWriter;
import org.vigil.track.model.Frame;
import org.vigil.track.model.Region;

/**
 * A deterministic ground-vehicle scenario in the local plane, scan by scan (so that a long or
 * large run need not be held in memory). Free vehicles start anywhere in the inner 80 % of the
 * region, drive legs and turns at 3-25 m/s, and die when they leave the region, replaced at once
 * by a new vehicle (new id) so the number of targets stays constant. Convoys (5-15 m/s, 50-100 m
 * spacing) cross each other in groups of about five; a convoy whose vehicles have all left the
 * region is replaced. One
 * wide-area sensor sees the whole region every scan.
 */
public final class Simulation implements Iterator<SimulatedScan> {

    private final SimulationSettings settings;
    private final SplittableRandom rng;
    private final List<Sensor> sensors;
    private final List<Entity> free = new ArrayList<>();
    private final List<ConvoyEntity> convoys = new ArrayList<>();
    private long nextId = 1;
    private double[][] crossings;
    private int k;

    private record Entity(long id, Mover mover) {
    }

    private static final class ConvoyEntity {
        final Convoy convoy;
        final long[] ids;
        final boolean[] dead;

        ConvoyEntity(Convoy convoy, long[] ids) {
            this.convoy = convoy;
            this.ids = ids;
            this.dead = new boolean[ids.length];
        }
    }

    /** The settings' movers seen by one wide-area sensor (id 1) of the settings' pd, error and clutter. */
    public Simulation(SimulationSettings settings) {
        this(settings, List.of(new AreaSurveillanceSensor(1, settings.region(), settings.detectionProbability(),
                settings.sigmaMetres(), settings.clutterPerScan(), settings.dtSeconds())));
    }

    /**
     * The settings' movers seen by {@code sensors} (drone video, GMTI, satellite passes,
     * observation posts...), each reporting at the scan times its revisit selects, in list order;
     * every draw comes from the settings' seed.
     */
    public Simulation(SimulationSettings settings, List<Sensor> sensors) {
        this.settings = settings;
        this.rng = new SplittableRandom(settings.seed());
        this.sensors = List.copyOf(sensors);
        for (int c = 0; c < settings.convoys(); c++) {
            convoys.add(newConvoy());
        }
        int freeCount = settings.targets() - settings.convoys() * settings.convoySize();
        for (int i = 0; i < freeCount; i++) {
            free.add(newVehicle());
        }
    }

    /** The header a scenario file of this simulation carries. */
    public Map<String, String> header() {
        Region r = settings.region();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("dt", num(settings.dtSeconds()));
        h.put("duration", num(settings.durationSeconds()));
        h.put("seed", Long.toString(settings.seed()));
        h.put("targets", Integer.toString(settings.targets()));
        h.put("pd", num(settings.detectionProbability()));
        h.put("clutter_rate", num(settings.clutterPerScan()));
        h.put("sigma_m", num(settings.sigmaMetres()));
        h.put("region", num(r.xMinMetres()) + "," + num(r.xMaxMetres()) + "," + num(r.yMinMetres()) + "," + num(r.yMaxMetres()));
        h.put("sensor_mode", sensors.size() == 1 ? "rr" : "mixed");
        if (sensors.size() > 1) {
            // one sigma per sensor id, as FORMAT.md's comma list (each detection row carries its own too)
            h.put("sigma_m", String.join(",", sensors.stream().map(Simulation::nominalSigma).toList()));
            h.put("sensors", String.join(",", sensors.stream().map(x -> x.getClass().getSimpleName()).toList()));
        }
        h.put("convoys", Integer.toString(settings.convoys()));
        h.put("convoy_size", Integer.toString(settings.convoySize()));
        h.put("generator", "vigil-sim");
        return h;
    }

    /** Runs the whole simulation into a scenario file. */
    public static void write(SimulationSettings settings, Path out) {
        write(new Simulation(settings), out, null);
    }

    /**
     * Runs {@code sim} into a scenario file: in its local plane (metres) when {@code plane} is
     * null, else in WGS84 with that plane's origin at the region's (0, 0) (see ScenarioWriter).
     */
    public static void write(Simulation sim, Path out, LocalTangentPlane plane) {
        try (ScenarioWriter w = new ScenarioWriter(out, sim.header(), plane)) {
            while (sim.hasNext()) {
                SimulatedScan s = sim.next();
                w.scan(s.timeSeconds(), s.ids(), s.xMetres(), s.yMetres(), s.frames());
            }
        }
    }

    private static String nominalSigma(Sensor s) {
        return num(switch (s) {
            case org.vigil.sim.sensor.AreaSurveillanceSensor a -> a.sigmaMetres();
            case org.vigil.sim.sensor.DroneVideo d -> d.sigmaMetres();
            case org.vigil.sim.sensor.GmtiAircraft g -> g.sigmaMetres();
            case org.vigil.sim.sensor.SatellitePass p -> p.sigmaMetres();
            case org.vigil.sim.sensor.ObservationPost o -> o.rangeSigmaMetres();
            default -> 10.0;
        });
    }

    @Override
    public boolean hasNext() {
        return k < settings.scans();
    }

    @Override
    public SimulatedScan next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        double dt = settings.dtSeconds();
        double t = k * dt;
        Region region = settings.region();
        if (k > 0) {
            for (int i = 0; i < free.size(); i++) {
                free.get(i).mover().step(dt, rng);
                Mover m = free.get(i).mover();
                if (!region.contains(m.xMetres(), m.yMetres())) {
                    free.set(i, newVehicle());
                }
            }
            for (int c = 0; c < convoys.size(); c++) {
                ConvoyEntity ce = convoys.get(c);
                ce.convoy.step(dt, rng);
                boolean all = true;
                for (int v = 0; v < ce.ids.length; v++) {
                    Mover m = ce.convoy.vehicles().get(v);
                    ce.dead[v] |= !region.contains(m.xMetres(), m.yMetres());
                    all &= ce.dead[v];
                }
                if (all) {
                    convoys.set(c, newConvoy());
                }
            }
        }
        int n = free.size() + convoys.size() * settings.convoySize();
        long[] ids = new long[n];
        double[] x = new double[n], y = new double[n], vx = new double[n], vy = new double[n];
        int i = 0;
        for (ConvoyEntity ce : convoys) {
            for (int v = 0; v < ce.ids.length; v++) {
                Mover m = ce.convoy.vehicles().get(v);
                if (!ce.dead[v] && region.contains(m.xMetres(), m.yMetres())) {
                    ids[i] = ce.ids[v];
                    x[i] = m.xMetres();
                    y[i] = m.yMetres();
                    vx[i] = m.vxMetresPerSecond();
                    vy[i] = m.vyMetresPerSecond();
                    i++;
                }
            }
        }
        for (Entity e : free) {
            ids[i] = e.id();
            x[i] = e.mover().xMetres();
            y[i] = e.mover().yMetres();
            vx[i] = e.mover().vxMetresPerSecond();
            vy[i] = e.mover().vyMetresPerSecond();
            i++;
        }
        ids = java.util.Arrays.copyOf(ids, i);
        x = java.util.Arrays.copyOf(x, i);
        y = java.util.Arrays.copyOf(y, i);
        vx = java.util.Arrays.copyOf(vx, i);
        vy = java.util.Arrays.copyOf(vy, i);
        List<Frame> frames = new ArrayList<>(sensors.size());
        for (Sensor sensor : sensors) {
            if (sensor.looksAt(t)) {
                frames.add(sensor.observe(t, x, y, vx, vy, rng));
            }
        }
        return new SimulatedScan(k++, t, ids, x, y, frames);
    }

    private Entity newVehicle() {
        Region r = settings.region();
        double w = r.xMaxMetres() - r.xMinMetres(), h = r.yMaxMetres() - r.yMinMetres();
        double x = rng.nextDouble(r.xMinMetres() + 0.1 * w, r.xMaxMetres() - 0.1 * w);
        double y = rng.nextDouble(r.yMinMetres() + 0.1 * h, r.yMaxMetres() - 0.1 * h);
        Mover m = new GroundVehicle(x, y, rng.nextDouble(-Math.PI, Math.PI), rng.nextDouble(3, 25), 3, 25,
                Math.toRadians(6), 30, 180, 0.3, rng);
        return new Entity(nextId++, m);
    }

    private ConvoyEntity newConvoy() {
        // Convoys meet in groups of about five at crossing points in the inner region, each
        // reaching its point between 30 % and 70 % of the run.
        Region r = settings.region();
        if (crossings == null) {
            int n = Math.max(1, settings.convoys() / 5);
            crossings = new double[n][];
            double w = r.xMaxMetres() - r.xMinMetres(), h = r.yMaxMetres() - r.yMinMetres();
            for (int i = 0; i < n; i++) {
                crossings[i] = new double[] {rng.nextDouble(r.xMinMetres() + 0.3 * w, r.xMaxMetres() - 0.3 * w),
                        rng.nextDouble(r.yMinMetres() + 0.3 * h, r.yMaxMetres() - 0.3 * h)};
            }
        }
        double[] meet = crossings[rng.nextInt(crossings.length)];
        double speed = rng.nextDouble(5, 15);
        double bearing = rng.nextDouble(-Math.PI, Math.PI);
        double distance = speed * rng.nextDouble(0.3, 0.7) * settings.durationSeconds();
        double x = meet[0] + distance * Math.cos(bearing), y = meet[1] + distance * Math.sin(bearing);
        double heading = bearing + Math.PI;
        GroundVehicle leader = new GroundVehicle(x, y, heading, speed, 5, 15, Math.toRadians(3), 60, 300, 0.1, rng);
        double[] offsets = new double[settings.convoySize()];
        for (int v = 1; v < offsets.length; v++) {
            offsets[v] = offsets[v - 1] + rng.nextDouble(50, 100);
        }
        Convoy convoy = new Convoy(leader, offsets);
        // drive the leader ahead until the whole convoy is on its path
        while (convoy.pathLengthMetres() < offsets[offsets.length - 1]) {
            convoy.step(settings.dtSeconds(), rng);
        }
        long[] ids = new long[offsets.length];
        for (int v = 0; v < ids.length; v++) {
            ids[v] = nextId++;
        }
        return new ConvoyEntity(convoy, ids);
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.10g", v);
        return new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
    }
}
