package org.vigil.watch.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.watch.Report;

/**
 * What the pipeline accepts as a report, checked before anything is journaled so that a bad
 * batch leaves no trace. Field names are those of the JSON API:
 * <ul>
 *   <li>{@code sensor}: 1-128 characters, not blank;</li>
 *   <li>{@code time}: not later than the pipeline clock plus {@code maxFutureSkew} (a sensor
 *       clock running ahead would drag the tracker's time with it and make every other sensor's
 *       reports late);</li>
 *   <li>{@code lat} in [-90, 90], {@code lon} in [-180, 180], finite;</li>
 *   <li>{@code heightM}: finite or absent (NaN);</li>
 *   <li>{@code sigmaM}: finite, in (0, 100 000] metres;</li>
 *   <li>{@code kind}: {@code ground}, {@code air}, {@code sea} or {@code unknown};</li>
 *   <li>{@code uid}: absent or at most 256 characters.</li>
 * </ul>
 */
public final class ReportValidation {

    /** The kinds a report may name. */
    public static final Set<String> KINDS = Set.of("ground", "air", "sea", "unknown");
    /** Largest accepted one-sigma position error, m (a sensor with worse accuracy says little about a track). */
    public static final double MAX_SIGMA_METRES = 100_000;

    private ReportValidation() {
    }

    /** The first problem with {@code r} as {@code field: reason}, or empty when it is acceptable. */
    public static Optional<String[]> problem(Report r, Instant now, Duration maxFutureSkew) {
        if (r.sensor().isBlank()) {
            return Optional.of(new String[] {"sensor", "must not be blank"});
        }
        if (r.sensor().length() > 128) {
            return Optional.of(new String[] {"sensor", "longer than 128 characters"});
        }
        if (r.time().isAfter(now.plus(maxFutureSkew))) {
            return Optional.of(new String[] {"time", r.time() + " is more than " + maxFutureSkew.toSeconds()
                    + " s ahead of the server clock (" + now + ")"});
        }
        if (!(r.latDeg() >= -90 && r.latDeg() <= 90)) {
            return Optional.of(new String[] {"lat", r.latDeg() + " is out of range -90..90"});
        }
        if (!(r.lonDeg() >= -180 && r.lonDeg() <= 180)) {
            return Optional.of(new String[] {"lon", r.lonDeg() + " is out of range -180..180"});
        }
        if (Double.isInfinite(r.heightM())) {
            return Optional.of(new String[] {"heightM", "must be a finite number"});
        }
        if (!(r.sigmaM() > 0 && r.sigmaM() <= MAX_SIGMA_METRES)) {
            return Optional.of(new String[] {"sigmaM", r.sigmaM() + " must be in (0, " + (long) MAX_SIGMA_METRES + "] metres"});
        }
        if (!KINDS.contains(r.kind())) {
            return Optional.of(new String[] {"kind", "'" + r.kind() + "' is not one of ground, air, sea, unknown"});
        }
        if (r.uid() != null && r.uid().length() > 256) {
            return Optional.of(new String[] {"uid", "longer than 256 characters"});
        }
        return Optional.empty();
    }

    /** Checks every report; throws for the first bad one. */
    public static void check(List<Report> reports, Instant now, Duration maxFutureSkew) {
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r == null) {
                throw new InvalidReportException(i, "report", "is null");
            }
            Optional<String[]> p = problem(r, now, maxFutureSkew);
            if (p.isPresent()) {
                throw new InvalidReportException(i, p.get()[0], p.get()[1]);
            }
        }
    }
}
