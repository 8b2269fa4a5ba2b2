package org.vigil.isr.orbit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.DateTimeComponents;

/** {@link Instant} (UTC, at the edges) to and from Orekit's {@link AbsoluteDate}, through the bundled UTC scale. */
public final class Times {

    private Times() {
    }

    public static AbsoluteDate date(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return new AbsoluteDate(z.getYear(), z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.getMinute(),
                z.getSecond() + z.getNano() / 1e9, OrekitData.bundled().utc());
    }

    /** The instant, rounded to the millisecond. */
    public static Instant instant(AbsoluteDate d) {
        DateTimeComponents c = d.getComponents(OrekitData.bundled().utc());
        double sec = c.getTime().getSecond();
        long whole = (long) Math.floor(sec);
        long millis = Math.round((sec - whole) * 1000);
        return ZonedDateTime.of(c.getDate().getYear(), c.getDate().getMonth(), c.getDate().getDay(), c.getTime().getHour(),
                c.getTime().getMinute(), 0, 0, ZoneOffset.UTC).toInstant().plusSeconds(whole).plusMillis(millis);
    }
}
