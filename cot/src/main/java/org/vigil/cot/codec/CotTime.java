package org.vigil.cot.codec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** CoT timestamps: ISO 8601 UTC on input (any fraction length), {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} on output. */
public final class CotTime {

    private static final DateTimeFormatter OUTPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CotTime() {
    }

    /** Parses a CoT time, truncated to milliseconds; throws {@link DateTimeParseException} if malformed. */
    public static Instant parse(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(limitFraction(text.trim()), Instant::from)
                .truncatedTo(ChronoUnit.MILLIS);
    }

    /** Cuts a fraction of more than nine digits to nine (the parser's limit); milliseconds survive. */
    private static String limitFraction(String t) {
        int dot = t.indexOf('.', t.indexOf('T') + 1);
        if (dot < 0 || t.indexOf('T') < 0) {
            return t;
        }
        int end = dot + 1;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        return end - dot - 1 > 9 ? t.substring(0, dot + 10) + t.substring(end) : t;
    }

    /** Formats an instant the way ATAK and TAK Server write it. */
    public static String format(Instant instant) {
        return OUTPUT.format(instant);
    }
}
