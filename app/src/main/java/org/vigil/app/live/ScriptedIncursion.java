package org.vigil.app.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.site.Site;
import org.vigil.watch.LivePicture;
import org.vigil.watch.Report;

/**
 * The demo's incursion: one vehicle, watched by an observation post, drives towards a nuclear
 * power station from {@link #START_METRES} out at {@link #SPEED_MPS}, turns back at
 * {@link #TURN_METRES}, drives out past {@link #START_METRES}, then waits {@link #PAUSE} and comes
 * again. The simulator's area holds no protected site, so without it a demo would show no alert;
 * with it the proximity rule (15 km around a nuclear power station by default) fires within a
 * minute of the start, and clears when the vehicle has left.
 */
public final class ScriptedIncursion implements AutoCloseable {

    public static final String DEFAULT_SITE_ID = "npp-khmelnytskyi";
    static final double START_METRES = 16_000;
    static final double TURN_METRES = 6_000;
    static final double END_METRES = 18_000;
    static final double SPEED_MPS = 20;
    static final double SIGMA_METRES = 10;
    static final Duration PAUSE = Duration.ofMinutes(25);
    /** Bearing from the site of the vehicle's approach line, degrees. */
    static final double APPROACH_BEARING_DEG = 60;

    private static final Logger LOG = LoggerFactory.getLogger(ScriptedIncursion.class);

    private final LivePicture live;
    private final Site site;
    private final String sensor;
    private final Thread thread;
    private volatile boolean stopping;

    public ScriptedIncursion(Theatre theatre, LivePicture live, String siteId) {
        this.live = live;
        this.site = theatre.site(siteId).orElseThrow(() -> new IllegalArgumentException("no site '" + siteId + "' for the incursion"));
        this.sensor = "op-" + siteId;
        this.thread = new Thread(this::run, "vigil-incursion");
        this.thread.setDaemon(true);
    }

    public String siteId() {
        return site.id();
    }

    public void start() {
        thread.start();
    }

    /** Distance from the site at {@code seconds} into one pass: in, turn, out. */
    static double distanceMetres(double seconds) {
        double in = (START_METRES - TURN_METRES) / SPEED_MPS;
        if (seconds <= in) {
            return START_METRES - SPEED_MPS * seconds;
        }
        return Math.min(END_METRES, TURN_METRES + SPEED_MPS * (seconds - in));
    }

    static double passSeconds() {
        return (START_METRES - TURN_METRES + END_METRES - TURN_METRES) / SPEED_MPS;
    }

    private void run() {
        try {
            while (!stopping) {
                long startNanos = System.nanoTime();
                for (int k = 0; k <= (int) passSeconds() && !stopping; k++) {
                    FeedThreads.sleepUntil(startNanos + k * 1_000_000_000L);
                    GeoPoint p = Geodesy.destination(site.location(), APPROACH_BEARING_DEG, distanceMetres(k));
                    Report r = new Report(sensor, Instant.now(), p.latitudeDeg(), p.longitudeDeg(), Double.NaN, SIGMA_METRES,
                            "ground", null);
                    try {
                        live.ingest("sim", List.of(r));
                    } catch (RuntimeException e) {
                        LOG.warn("the live picture refused the incursion's report: {}", e.toString());
                    }
                }
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        FeedThreads.stop(thread);
    }
}
