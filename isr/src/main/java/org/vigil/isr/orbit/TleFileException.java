package org.vigil.isr.orbit;

/** A TLE file that cannot be used; the message is one line naming file, line and reason. */
public final class TleFileException extends IllegalArgumentException {
    public TleFileException(String message) {
        super(message);
    }
}
