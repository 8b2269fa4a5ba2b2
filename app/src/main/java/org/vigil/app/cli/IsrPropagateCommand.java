package org.vigil.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.isr.orbit.Sgp4;
import org.vigil.isr.orbit.Sgp4Exception;
import org.vigil.isr.orbit.TemeState;
import org.vigil.isr.orbit.TleEntry;
import org.vigil.isr.orbit.TleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil isr propagate}: SGP4 states in TEME, one JSON line per satellite and time, the
 * entry point for checking Orekit's SGP4 against published verification vectors.
 */
@Command(name = "propagate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Propagates every element set of a TLE file with SGP4 (Orekit) and prints one JSON line per",
                "satellite and time: {\"satnum\",\"minutes\",\"x\",\"y\",\"z\",\"vx\",\"vy\",\"vz\"} in TEME, km and km/s.",
                "Where SGP4 fails (decay, eccentricity out of range) that satellite's output stops and a one-line",
                "reason goes to stderr; the others continue. Exit codes: 0 done, 2 bad input."})
public final class IsrPropagateCommand implements Callable<Integer> {

    @Option(names = "--tle", paramLabel = "FILE", required = true,
            description = "Two- or three-line element file (Vallado's SGP4-VER.TLE format is accepted too).")
    Path tle;

    @Option(names = "--minutes", paramLabel = "LIST", split = ",",
            description = "Minutes since each satellite's epoch, comma separated. Default: the start, stop and step written"
                    + " after column 69 of line 2 (verification files), with a first row at 0 and a last at stop.")
    List<Double> minutes;

    @Option(names = "--ignore-checksum", description = "Accept wrong TLE checksums (SGP4-VER.TLE has five on purpose).")
    boolean ignoreChecksum;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(tle)) {
            throw new UserInputException("--tle: " + tle + ": no such file");
        }
        List<TleEntry> entries = new TleReader(!ignoreChecksum).read(tle);
        if (minutes != null) {
            for (Double m : minutes) {
                if (m == null || !Double.isFinite(m) || Math.abs(m) > 1e8) {
                    throw new UserInputException("--minutes: each value must be a finite number of minutes, got " + m);
                }
            }
        } else {
            for (TleEntry e : entries) {
                if (e.verification().isEmpty()) {
                    throw new UserInputException(tle + ":" + e.line() + ": satellite " + e.satnum()
                            + " has no start/stop/step after line 2; give --minutes");
                }
            }
        }
        PrintStream out = System.out;
        for (TleEntry e : entries) {
            Sgp4 sgp4;
            try {
                sgp4 = new Sgp4(e);
            } catch (Sgp4Exception ex) {
                System.err.println("vigil: " + ex.getMessage());
                continue;
            }
            for (double m : minutes != null ? minutes : verificationTimes(e.verification().get())) {
                try {
                    TemeState s = sgp4.at(m);
                    out.println(json(s));
                } catch (Sgp4Exception ex) {
                    System.err.println("vigil: " + ex.getMessage());
                    break;
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** As Vallado's driver: a row at 0, then start, start + step, ... below stop, then stop. */
    static List<Double> verificationTimes(TleEntry.TimeRange r) {
        List<Double> t = new ArrayList<>();
        if (r.startMinutes() != 0) {
            t.add(0.0);
        }
        for (long k = 0; ; k++) {
            double m = r.startMinutes() + k * r.stepMinutes();
            if (m > r.stopMinutes() + 1e-9) {
                break;
            }
            t.add(m);
        }
        double last = t.get(t.size() - 1);
        if (Math.abs(last - r.stopMinutes()) > 1e-9) {
            t.add(r.stopMinutes());
        }
        return t;
    }

    static String json(TemeState s) {
        return String.format(Locale.ROOT,
                "{\"satnum\":%d,\"minutes\":%s,\"x\":%.9f,\"y\":%.9f,\"z\":%.9f,\"vx\":%.12f,\"vy\":%.12f,\"vz\":%.12f}",
                s.satnum(), num(s.minutes()), s.xKm(), s.yKm(), s.zKm(), s.vxKmPerS(), s.vyKmPerS(), s.vzKmPerS());
    }

    private static String num(double m) {
        return m == Math.rint(m) && Math.abs(m) < 1e15 ? Long.toString((long) m) : Double.toString(m);
    }
}
