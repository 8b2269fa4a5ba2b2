package org.vigil.posture.orlib;

import java.nio.file.Path;

/**
 * An OR-Library file that cannot be used. The message is one line, {@code FILE:LINE: reason},
 * so that the CLI can print it as it is. Line 0 stands for the file as a whole (it is missing
 * or unreadable). An {@link IllegalArgumentException} because the fault is in the input.
 */
public final class OrlibFileException extends IllegalArgumentException {

    private final Path file;
    private final int line;

    public OrlibFileException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /** The file at fault, as it was named to the reader. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 for the whole file. */
    public int line() {
        return line;
    }
}
