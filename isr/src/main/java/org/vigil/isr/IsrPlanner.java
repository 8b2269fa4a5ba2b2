package org.vigil.isr;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vigil.isr.orbit.TleEntry;
import org.vigil.isr.orbit.Times;

/** Planning defaults that depend on the element sets: the start time, and the epoch-age warnings. */
public final class IsrPlanner {

    /** SGP4 errors grow past a few km a few days from epoch; past two weeks they are tens of km. */
    public static final Duration EPOCH_WARNING = Duration.ofDays(14);
    public static final Duration MAX_HORIZON = Duration.ofHours(72);

    private IsrPlanner() {
    }

    /** The newest epoch, rounded to the nearest hour. */
    public static Instant defaultStart(List<TleEntry> tles) {
        Instant newest = tles.stream().map(e -> Times.instant(e.tle().getDate())).max(Comparator.naturalOrder()).orElseThrow();
        return newest.plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.HOURS);
    }

    /** One line per satellite whose epoch is more than two weeks from the horizon's start or end. */
    public static List<String> epochWarnings(List<TleEntry> tles, Instant start, Instant end) {
        List<String> out = new ArrayList<>();
        for (TleEntry e : tles) {
            Instant epoch = Times.instant(e.tle().getDate());
            Duration d = Duration.between(epoch, start).abs();
            Duration d2 = Duration.between(epoch, end).abs();
            Duration worst = d.compareTo(d2) > 0 ? d : d2;
            if (worst.compareTo(EPOCH_WARNING) > 0) {
                out.add(String.format(Locale.ROOT, "satellite %d (%s): the plan reaches %.1f days from its epoch %s;"
                        + " SGP4 positions that far out can be tens of km off: use fresher elements", e.satnum(), e.label(),
                        worst.toSeconds() / 86400.0, epoch));
            }
        }
        return out;
    }
}
