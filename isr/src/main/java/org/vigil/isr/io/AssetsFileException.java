package org.vigil.isr.io;

/** An assets file that cannot be used; the message is one line: {@code FILE:LINE: field 'PATH': reason}. */
public final class AssetsFileException extends IllegalArgumentException {
    public AssetsFileException(String message) {
        super(message);
    }
}
