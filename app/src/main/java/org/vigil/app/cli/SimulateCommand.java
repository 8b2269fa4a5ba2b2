package org.vigil.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.sim.Simulation;
import org.vigil.sim.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil simulate}: writes a deterministic ground-vehicle scenario file. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates ground vehicles (free vehicles on legs and turns, and crossing convoys) seen by one",
                "wide-area sensor at 1 Hz with 20 m error, and writes a vigil-scenario-1 file (truth and detections).",
                "The region is a square sized for 0.1 targets per km^2. The same arguments always give the same file."})
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
        Simulation.write(settings, out);
        System.err.println("Wrote " + out);
        return ExitCodes.OK;
    }
}
