package org.vigil.isr.orbit;

import java.util.Locale;

/** SGP4 cannot give a state for this satellite at this time; the message is one line. */
public final class Sgp4Exception extends RuntimeException {

    private final int satnum;
    private final double minutes;
    private final String reason;

    public Sgp4Exception(int satnum, double minutes, String reason) {
        super(String.format(Locale.ROOT, "satellite %d at %s min: %s", satnum, fmt(minutes), reason));
        this.satnum = satnum;
        this.minutes = minutes;
        this.reason = reason;
    }

    private static String fmt(double m) {
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }

    public int satnum() {
        return satnum;
    }

    public double minutes() {
        return minutes;
    }

    public String reason() {
        return reason;
    }
}
