package org.vigil.isr.orbit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.errors.OrekitException;
import org.orekit.frames.TopocentricFrame;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.propagation.events.ElevationDetector;
import org.orekit.propagation.events.ElevationExtremumDetector;
import org.orekit.propagation.events.EventsLogger;
import org.orekit.propagation.events.handlers.ContinueOnEvent;
import org.orekit.time.AbsoluteDate;

/**
 * Passes of a satellite over a ground point, found by Orekit's event detection: an
 * {@link ElevationDetector} (rise and set through the minimum elevation) and an
 * {@link ElevationExtremumDetector} (culmination) on a {@link TopocentricFrame} of the
 * WGS84 ellipsoid in ITRF, along SGP4.
 *
 * <p>A pass belongs to the window when it rises inside it; a satellite already up at the
 * window's start is not reported (its rise is unknown), and a pass rising before the end is
 * followed to its set even past the end. Events are located to 1 ms; the detectors check
 * every 10 s, shorter than any pass a low orbit makes above a few degrees.
 */
public final class PassFinder {

    private static final double MAX_CHECK_SECONDS = 10;
    private static final double THRESHOLD_SECONDS = 1e-3;
    private static final Duration FOLLOW_PAST_END = Duration.ofMinutes(30);

    private PassFinder() {
    }

    public static List<Pass> passes(TleEntry entry, double latitudeDeg, double longitudeDeg, Instant start, Duration span,
                                    double minElevationDeg) {
        OrekitData data = OrekitData.bundled();
        TopocentricFrame station = new TopocentricFrame(data.earth(),
                new GeodeticPoint(Math.toRadians(latitudeDeg), Math.toRadians(longitudeDeg), 0), "observer");
        TLEPropagator propagator = new Sgp4(entry).propagator();
        EventsLogger logger = new EventsLogger();
        propagator.addEventDetector(logger.monitorDetector(new ElevationDetector(MAX_CHECK_SECONDS, THRESHOLD_SECONDS, station)
                .withConstantElevation(Math.toRadians(minElevationDeg)).withHandler(new ContinueOnEvent())));
        propagator.addEventDetector(logger.monitorDetector(new ElevationExtremumDetector(MAX_CHECK_SECONDS, THRESHOLD_SECONDS, station)
                .withHandler(new ContinueOnEvent())));
        AbsoluteDate t0 = Times.date(start);
        AbsoluteDate t1 = Times.date(start.plus(span));
        try {
            propagator.propagate(t0, t1.shiftedBy(FOLLOW_PAST_END.toSeconds()));
        } catch (OrekitException e) {
            throw new Sgp4Exception(entry.satnum(), t0.durationFrom(entry.tle().getDate()) / 60, TleReader.oneLine(e.getMessage()));
        }
        List<Pass> out = new ArrayList<>();
        AbsoluteDate rise = null, culmination = null;
        double maxEl = Double.NEGATIVE_INFINITY;
        for (EventsLogger.LoggedEvent ev : logger.getLoggedEvents()) {
            SpacecraftState s = ev.getState();
            if (ev.getEventDetector() instanceof ElevationDetector) {
                if (ev.isIncreasing()) {
                    rise = s.getDate().isAfter(t1) ? null : s.getDate();
                    culmination = null;
                    maxEl = Double.NEGATIVE_INFINITY;
                } else if (rise != null && culmination != null) {
                    out.add(new Pass(entry.satnum(), entry.label(), Times.instant(rise), Times.instant(culmination),
                            Times.instant(s.getDate()), Math.toDegrees(maxEl)));
                    rise = null;
                }
            } else if (rise != null && !ev.isIncreasing()) {
                double el = station.getElevation(s.getPosition(), s.getFrame(), s.getDate());
                if (el > maxEl) {
                    maxEl = el;
                    culmination = s.getDate();
                }
            }
        }
        return out;
    }
}
