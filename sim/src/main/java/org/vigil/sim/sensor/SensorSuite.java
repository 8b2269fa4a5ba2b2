package org.vigil.sim.sensor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.sim.SimulationSettings;
import org.vigil.track.model.Region;

/**
 * A typical surveillance suite laid over a simulation's region, one family at a time, so that
 * the command line can ask for "the drones and a GMTI aircraft" without placing each sensor:
 * <ul>
 *   <li>{@code area}: the settings' wide-area sensor (the whole region, the settings' pd, error and
 *       clutter, every scan), the benchmark-style default;</li>
 *   <li>{@code drone}: four drones ({@link DroneVideo#typical}) orbiting the centres of the region's
 *       quarters: small footprints, 5 m error, every second;</li>
 *   <li>{@code gmti}: one aircraft flying east 30 km south of the region at 200 m/s, its swath from
 *       20 km to the far edge plus 10 km, 25 m error, range-rate 0.5 m/s, movers slower than
 *       1.5 m/s unseen, a scan every 10 s, the settings' pd and clutter;</li>
 *   <li>{@code satellite}: two imaging passes (at a quarter and three quarters of the run) with a
 *       swath half as wide as the region through its centre, 3 m error;</li>
 *   <li>{@code op}: three ground observation posts seeing 5 km, range error 10 m, bearing 5 mrad,
 *       pd 0.7, a report every 5 s.</li>
 * </ul>
 * Sensor ids follow the order above, from 1.
 */
public final class SensorSuite {

    /** The sensor families. */
    public enum Kind {
        AREA, DRONE, GMTI, SATELLITE, OP;

        /** The family named {@code name} (case-insensitive), e.g. "drone". */
        public static Kind named(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    private SensorSuite() {
    }

    /** The sensors of {@code kinds} placed over {@code settings}' region. */
    public static List<Sensor> of(Set<Kind> kinds, SimulationSettings settings) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no sensor family given");
        }
        Region r = settings.region();
        double cx = 0.5 * (r.xMinMetres() + r.xMaxMetres()), cy = 0.5 * (r.yMinMetres() + r.yMaxMetres());
        double hx = 0.5 * (r.xMaxMetres() - r.xMinMetres()), hy = 0.5 * (r.yMaxMetres() - r.yMinMetres());
        double pd = settings.detectionProbability();
        List<Sensor> out = new ArrayList<>();
        Set<Kind> k = EnumSet.copyOf(kinds);
        if (k.contains(Kind.AREA)) {
            out.add(new AreaSurveillanceSensor(out.size() + 1, r, pd, settings.sigmaMetres(), settings.clutterPerScan(),
                    settings.dtSeconds()));
        }
        if (k.contains(Kind.DRONE)) {
            for (double[] q : new double[][] {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}}) {
                out.add(DroneVideo.typical(out.size() + 1, cx + 0.5 * hx * q[0], cy + 0.5 * hy * q[1]));
            }
        }
        if (k.contains(Kind.GMTI)) {
            double standOff = 30_000;
            out.add(new GmtiAircraft(out.size() + 1, cx - 2 * hx, r.yMinMetres() - standOff, 200, 0, 20_000,
                    standOff + 2 * hy + 10_000, 150_000, pd, 25, 0.5, 1.5, settings.clutterPerScan(), 10));
        }
        if (k.contains(Kind.SATELLITE)) {
            double t = settings.durationSeconds();
            double[] passes = {Math.rint(0.25 * t / settings.dtSeconds()) * settings.dtSeconds(),
                    Math.rint(0.75 * t / settings.dtSeconds()) * settings.dtSeconds()};
            out.add(new SatellitePass(out.size() + 1, passes, cx, cy, 0.3, 0.5 * Math.min(hx, hy), pd, 3, 1,
                    Math.max(hx, hy)));
        }
        if (k.contains(Kind.OP)) {
            for (double[] q : new double[][] {{-0.5, 0}, {0.5, 0.3}, {0, -0.5}}) {
                out.add(new ObservationPost(out.size() + 1, cx + hx * q[0], cy + hy * q[1], 5000, 0.7, 10, 0.005, 5));
            }
        }
        return out;
    }
}
