package org.vigil.app.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vigil.sim.GeodeticSimulation;
import org.vigil.sim.Simulation;
import org.vigil.sim.SimulationSettings;
import org.vigil.sim.sensor.Sensor;
import org.vigil.sim.sensor.SensorSuite;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.track.geo.LocalTangentPlane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil simulate}: writes a deterministic ground-vehicle scenario file. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates ground vehicles (free vehicles on legs and turns, and crossing convoys) seen by one",
                "wide-area sensor at 1 Hz with 20 m error (or by the sensor families of --sensors), and writes a",
                "vigil-scenario-1 file (truth and detections), in the local plane or, with --wgs84, in latitude and",
                "longitude over the theatre. The region is a square sized for 0.1 targets per km^2.",
                "The same arguments always give the same file."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--targets", paramLabel = "N", required = true, description = "Simultaneous targets (convoy vehicles included).")
    int targets;

    @Option(names = "--duration-s", paramLabel = "T", required = true, description = "Length of the run, s (scans every second).")
    double durationSeconds;

    @Option(names = "--seed", paramLabel = "S", required = true, description = "Random seed.")
    long seed;

    @Option(names = "--clutter", paramLabel = "RATE", defaultValue = "0",
            description = "Mean false detections per scan over the region (default ${DEFAULT-VALUE}).")
    double clutter;

    @Option(names = "--pd", paramLabel = "P", defaultValue = "0.9",
            description = "Probability of detecting a target on a scan (default ${DEFAULT-VALUE}).")
    double pd;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Scenario file to write.")
    Path out;

    @Option(names = "--sensors", paramLabel = "LIST", split = ",", defaultValue = "area",
            description = {"Sensor families, comma-separated (default ${DEFAULT-VALUE}): area (one wide-area sensor,",
                    "the benchmark's), drone (four drones' video: small footprints, 5 m, 1 Hz), gmti (an aircraft's",
                    "radar 30 km south of the region, wide swath, every 10 s), satellite (two imaging passes, 3 m),",
                    "op (three ground observation posts, 5 km range); 'suite' = drone,gmti,satellite,op.",
                    "--pd and --clutter apply to area and gmti."})
    List<String> sensors;

    @Option(names = "--wgs84", description = {"Write latitude/longitude rows (plane=wgs84-deg) with the region laid",
            "over the theatre around --site; 'vigil track' reads such files and writes WGS84 tracks."})
    boolean wgs84;

    @Option(names = "--site", paramLabel = "ID", defaultValue = GeodeticSimulation.DEFAULT_SITE_ID,
            description = "With --wgs84: the theatre site at the region's centre (default ${DEFAULT-VALUE}).")
    String site;

    @Option(names = "--theatre", paramLabel = "DIR",
            description = "With --wgs84: theatre directory (as for plan posture). Default: the bundled Ukraine theatre.")
    Path theatreDir;

    @Override
    public Integer call() {
        if (targets < 0) {
            throw new UserInputException("--targets must be non-negative, not " + targets);
        }
        if (!(durationSeconds >= 1) || durationSeconds > 1e7) {
            throw new UserInputException("--duration-s must be between 1 and 1e7 s, not " + durationSeconds);
        }
        if (!(clutter >= 0)) {
            throw new UserInputException("--clutter must be non-negative, not " + clutter);
        }
        if (!(pd >= 0 && pd <= 1)) {
            throw new UserInputException("--pd must be between 0 and 1, not " + pd);
        }
        SimulationSettings settings = SimulationSettings.of(targets, durationSeconds, seed, clutter, pd);
        Set<SensorSuite.Kind> kinds = EnumSet.noneOf(SensorSuite.Kind.class);
        for (String name : sensors) {
            if (name.trim().equalsIgnoreCase("suite")) {
                kinds.addAll(EnumSet.of(SensorSuite.Kind.DRONE, SensorSuite.Kind.GMTI, SensorSuite.Kind.SATELLITE,
                        SensorSuite.Kind.OP));
                continue;
            }
            try {
                kinds.add(SensorSuite.Kind.named(name));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--sensors: unknown family '" + name.trim()
                        + "' (area, drone, gmti, satellite, op or suite)");
            }
        }
        List<Sensor> suite = SensorSuite.of(kinds, settings);
        LocalTangentPlane plane = null;
        if (wgs84) {
            try {
                Theatre theatre = theatreDir == null ? TheatreLoader.bundledUkraine() : TheatreLoader.fromDirectory(theatreDir);
                plane = GeodeticSimulation.overTheatre(theatre, site, settings, suite).plane();
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--wgs84: " + e.getMessage());
            }
        }
        Simulation.write(new Simulation(settings, suite), out, plane);
        System.err.println("Wrote " + out);
        return ExitCodes.OK;
    }
}
