package org.vigil.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.isr.orbit.Pass;
import org.vigil.isr.orbit.PassFinder;
import org.vigil.isr.orbit.Sgp4Exception;
import org.vigil.isr.orbit.TleEntry;
import org.vigil.isr.orbit.TleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil isr passes}: when each satellite of a TLE file is above a ground point. */
@Command(name = "passes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the passes of every satellite in a TLE file over a point (WGS84, height 0): rise, culmination",
                "and set through the minimum elevation, found with Orekit's elevation detectors along SGP4. Passes that",
                "rise inside the window are listed (followed to their set). A table, or with --json one line per pass:",
                "{\"satnum\",\"rise\",\"culmination\",\"set\",\"maxElevationDeg\"} (ISO 8601 UTC)."})
public final class IsrPassesCommand implements Callable<Integer> {

    @Option(names = "--tle", paramLabel = "FILE", required = true, description = "Two- or three-line element file.")
    Path tle;

    @Option(names = "--lat", paramLabel = "A", required = true, description = "Observer latitude, degrees north.")
    double lat;

    @Option(names = "--lon", paramLabel = "B", required = true, description = "Observer longitude, degrees east.")
    double lon;

    @Option(names = "--start", paramLabel = "ISO", required = true, description = "Window start, ISO 8601 UTC (e.g. 2024-10-05T06:00:00Z).")
    String start;

    @Option(names = "--hours", paramLabel = "H", required = true, description = "Window length, hours (up to 240).")
    double hours;

    @Option(names = "--min-elevation", paramLabel = "DEG", defaultValue = "10",
            description = "Minimum elevation above the horizontal plane, degrees (default ${DEFAULT-VALUE}).")
    double minElevationDeg;

    @Option(names = "--json", description = "One JSON line per pass instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        if (!(lat >= -90 && lat <= 90)) {
            throw new UserInputException("--lat: must be in [-90, 90], got " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new UserInputException("--lon: must be in [-180, 180], got " + lon);
        }
        if (!(hours > 0) || hours > 240) {
            throw new UserInputException("--hours: must be more than 0 and at most 240, got " + hours);
        }
        if (!(minElevationDeg >= -5 && minElevationDeg < 90)) {
            throw new UserInputException("--min-elevation: must be in [-5, 90), got " + minElevationDeg);
        }
        Instant t0 = parseInstant("--start", start);
        if (!Files.isRegularFile(tle)) {
            throw new UserInputException("--tle: " + tle + ": no such file");
        }
        List<TleEntry> entries = new TleReader(true).read(tle);
        List<Pass> passes = new ArrayList<>();
        for (TleEntry e : entries) {
            try {
                passes.addAll(PassFinder.passes(e, lat, lon, t0, Duration.ofMillis(Math.round(hours * 3_600_000)), minElevationDeg));
            } catch (Sgp4Exception ex) {
                System.err.println("vigil: " + ex.getMessage());
            }
        }
        passes.sort(Comparator.comparing(Pass::rise));
        if (json) {
            for (Pass p : passes) {
                System.out.printf(Locale.ROOT, "{\"satnum\":%d,\"rise\":\"%s\",\"culmination\":\"%s\",\"set\":\"%s\",\"maxElevationDeg\":%.3f}%n",
                        p.satnum(), iso(p.rise()), iso(p.culmination()), iso(p.set()), p.maxElevationDeg());
            }
        } else {
            System.out.printf(Locale.ROOT, "%-7s %-24s %-24s %-24s %-24s %8s%n", "satnum", "name", "rise", "culmination", "set", "max el");
            for (Pass p : passes) {
                System.out.printf(Locale.ROOT, "%-7d %-24s %-24s %-24s %-24s %7.1f°%n", p.satnum(), p.name(), iso(p.rise()),
                        iso(p.culmination()), iso(p.set()), p.maxElevationDeg());
            }
            System.out.printf(Locale.ROOT, "%d passes above %.1f° over (%.4f, %.4f) from %s for %s h%n", passes.size(),
                    minElevationDeg, lat, lon, iso(t0), hours);
        }
        return ExitCodes.OK;
    }

    /** ISO 8601 to the millisecond. */
    static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static Instant parseInstant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new UserInputException(option + ": '" + text + "' is not an ISO 8601 time (e.g. 2024-10-05T06:00:00Z)");
                }
            }
        }
    }
}
