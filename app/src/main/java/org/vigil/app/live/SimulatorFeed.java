package org.vigil.app.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.sim.GeodeticScan;
import org.vigil.sim.GeodeticSimulation;
import org.vigil.sim.SimulationSettings;
import org.vigil.sim.sensor.AreaSurveillanceSensor;
import org.vigil.sim.sensor.DroneVideo;
import org.vigil.sim.sensor.GmtiAircraft;
import org.vigil.sim.sensor.ObservationPost;
import org.vigil.sim.sensor.SatellitePass;
import org.vigil.sim.sensor.Sensor;
import org.vigil.theatre.Theatre;
import org.vigil.track.geo.GeodeticDetection;
import org.vigil.track.geo.GeodeticFrame;
import org.vigil.watch.LivePicture;
import org.vigil.watch.Report;

/**
 * {@code --simulate}: the simulator's ground vehicles over the theatre, seen by a sensor suite
 * and fed in real time to the live picture on channel {@code sim}, one ingest per sensor frame.
 *
 * <p>The area is the simulator's default, a square around {@value GeodeticSimulation#DEFAULT_SITE_ID}
 * holding 0.1 vehicles per km^2. The suite, in the area's plane (x east, y north):
 * <ul>
 *   <li>{@code aerostat-1}: a tethered radar seeing the whole area every 10 s, 30 m error;</li>
 *   <li>{@code drone-2}, {@code drone-3}: video from small drones orbiting, 1 Hz, 5 m error;</li>
 *   <li>{@code sat-4}: an imaging satellite's snapshot of a 30 km swath every 95 minutes;</li>
 *   <li>{@code op-5} to {@code op-7}: observation posts seeing 5 km, every 5 s;</li>
 *   <li>{@code gmti-8} onwards: GMTI aircraft sorties, one every 30 minutes, each flying east
 *       past the area at 200 m/s with its radar swath over it for about a quarter of an hour.</li>
 * </ul>
 * The simulation runs in legs of {@link #LEG}; each new leg starts fresh vehicles from the next
 * seed (the old tracks coast out), so the feed runs as long as the server does.
 */
public final class SimulatorFeed implements AutoCloseable {

    /** Vehicles in the area by default. */
    public static final int DEFAULT_TARGETS = 200;
    static final Duration LEG = Duration.ofHours(4);
    static final double SORTIE_INTERVAL_SECONDS = 1800;
    static final double AIRCRAFT_SPEED_MPS = 200;
    static final int FIRST_SORTIE_ID = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFeed.class);

    private final Theatre theatre;
    private final LivePicture live;
    private final int targets;
    private final long seed;
    private final Thread thread;
    private final AtomicLong reportsSent = new AtomicLong();
    private final AtomicLong reportsJournaled = new AtomicLong();
    private final AtomicLong reportsRefused = new AtomicLong();
    private volatile boolean stopping;

    public SimulatorFeed(Theatre theatre, LivePicture live, int targets, long seed) {
        if (targets < 1 || targets > 100_000) {
            throw new IllegalArgumentException("the simulator needs 1 to 100000 vehicles, not " + targets);
        }
        this.theatre = theatre;
        this.live = live;
        this.targets = targets;
        this.seed = seed;
        this.thread = new Thread(this::run, "vigil-sim-feed");
        this.thread.setDaemon(true);
        // Fail now, not on the feed's thread, if the area does not fit the theatre.
        simulation(seed);
    }

    public void start() {
        thread.start();
    }

    private GeodeticSimulation simulation(long legSeed) {
        SimulationSettings base = SimulationSettings.of(targets, LEG.toSeconds(), legSeed, 0, 0.9);
        return GeodeticSimulation.overTheatre(theatre, GeodeticSimulation.DEFAULT_SITE_ID, base, sensors(base));
    }

    /** The suite for an area of the settings' size (see the class comment). */
    static List<Sensor> sensors(SimulationSettings s) {
        double half = s.region().xMaxMetres();
        List<Sensor> suite = new ArrayList<>();
        suite.add(new AreaSurveillanceSensor(1, s.region(), 0.85, 30, 1, 10));
        suite.add(DroneVideo.typical(2, -0.3 * half, 0.2 * half));
        suite.add(DroneVideo.typical(3, 0.4 * half, -0.3 * half));
        double[] passes = new double[(int) (LEG.toSeconds() / 5700) + 1];
        for (int k = 0; k < passes.length; k++) {
            passes[k] = 300 + 5700.0 * k;
        }
        suite.add(new SatellitePass(4, passes, 0, 0, Math.toRadians(100), 15_000, 0.9, 10, 0.5, 1.2 * half));
        suite.add(new ObservationPost(5, -0.5 * half, -0.5 * half, 5_000, 0.8, 10, 0.005, 5));
        suite.add(new ObservationPost(6, 0.1 * half, 0.5 * half, 5_000, 0.8, 10, 0.005, 5));
        suite.add(new ObservationPost(7, 0.6 * half, 0.1 * half, 5_000, 0.8, 10, 0.005, 5));
        // A sortie k flies east along y = -half - 40 km, its swath (40-100 km to its left, 200 km
        // long) reaching the area when it is about 100 km short of it.
        int sorties = (int) (LEG.toSeconds() / SORTIE_INTERVAL_SECONDS);
        for (int k = 0; k < sorties; k++) {
            double startX = -half - 100_000 - AIRCRAFT_SPEED_MPS * SORTIE_INTERVAL_SECONDS * k;
            suite.add(new GmtiAircraft(FIRST_SORTIE_ID + k, startX, -half - 40_000, AIRCRAFT_SPEED_MPS, 0,
                    40_000, 100_000, 200_000, 0.9, 20, 0.5, 1.5, 2, 10));
        }
        return suite;
    }

    /** The name a sensor reports under: {@code aerostat-1}, {@code drone-2}, ... */
    static String sensorName(int id) {
        return switch (id) {
            case 1 -> "aerostat-1";
            case 2, 3 -> "drone-" + id;
            case 4 -> "sat-4";
            case 5, 6, 7 -> "op-" + id;
            default -> "gmti-" + id;
        };
    }

    private void run() {
        long leg = 0;
        while (!stopping) {
            GeodeticSimulation sim = simulation(seed + leg++);
            long epochNanos = System.nanoTime();
            Instant epoch = Instant.now();
            while (sim.hasNext() && !stopping) {
                GeodeticScan scan = sim.next();
                try {
                    FeedThreads.sleepUntil(epochNanos + (long) (scan.timeSeconds() * 1e9));
                } catch (InterruptedException e) {
                    return;
                }
                List<CompletableFuture<long[]>> pending = new ArrayList<>();
                for (GeodeticFrame frame : scan.frames()) {
                    if (!frame.detections().isEmpty()) {
                        pending.add(feed(frame, epoch));
                    }
                }
                for (CompletableFuture<long[]> f : pending) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // counted in feed()
                    }
                }
            }
        }
    }

    private CompletableFuture<long[]> feed(GeodeticFrame frame, Instant epoch) {
        String sensor = sensorName(frame.sensorId());
        List<Report> reports = new ArrayList<>(frame.detections().size());
        for (GeodeticDetection d : frame.detections()) {
            Instant t = epoch.plusNanos((long) (d.timeSeconds() * 1e9));
            reports.add(new Report(sensor, t, d.latitudeDeg(), d.longitudeDeg(),
                    d.heightMetres().isPresent() ? d.heightMetres().getAsDouble() : Double.NaN,
                    largestSigmaMetres(d), "ground", null));
        }
        reportsSent.addAndGet(reports.size());
        try {
            return live.ingest("sim", reports).whenComplete((ids, failure) -> {
                if (failure == null) {
                    reportsJournaled.addAndGet(ids.length);
                } else {
                    refused(reports.size(), failure);
                }
            });
        } catch (RuntimeException e) {
            refused(reports.size(), e);
            return CompletableFuture.failedFuture(e);
        }
    }

    private void refused(int count, Throwable why) {
        if (reportsRefused.getAndAdd(count) == 0) {
            LOG.warn("the live picture refused simulated reports: {}", why.toString());
        }
    }

    /** The one-sigma error along the error ellipse's major axis, m: conservative for a single figure. */
    static double largestSigmaMetres(GeodeticDetection d) {
        double a = d.eastVarianceM2(), b = d.eastNorthCovarianceM2(), c = d.northVarianceM2();
        double mean = 0.5 * (a + c);
        double radius = Math.sqrt(0.25 * (a - c) * (a - c) + b * b);
        return Math.sqrt(mean + radius);
    }

    public long reportsSent() {
        return reportsSent.get();
    }

    public long reportsJournaled() {
        return reportsJournaled.get();
    }

    public long reportsRefused() {
        return reportsRefused.get();
    }

    /** The sensors of the suite by name, for the start banner. */
    public static Map<String, String> suiteDescription() {
        Map<String, String> m = new HashMap<>();
        m.put("aerostat-1", "wide-area radar, 10 s");
        m.put("drone-2, drone-3", "drone video, 1 Hz");
        m.put("sat-4", "satellite pass every 95 min");
        m.put("op-5..op-7", "observation posts, 5 s");
        m.put("gmti-8..", "GMTI aircraft sortie every 30 min");
        return m;
    }

    @Override
    public void close() {
        stopping = true;
        FeedThreads.stop(thread);
    }
}
