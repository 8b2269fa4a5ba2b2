package org.vigil.posture.io;

/** A forces file that cannot be used; the message is one line naming file, line and field. */
public final class ForcesFileException extends RuntimeException {
    public ForcesFileException(String message) {
        super(message);
    }
}
