package org.vigil.track.io;

import java.nio.file.Path;

/**
 * A scenario file that cannot be read: the message names the file, the line (1-based; 0 for the
 * file as a whole) and the reason, on one line: {@code FILE:LINE: reason}.
 */
public final class ScenarioFileException extends IllegalArgumentException {

    private final transient Path file;
    private final int line;

    public ScenarioFileException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The line, 1-based; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
