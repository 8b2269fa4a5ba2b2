package org.vigil.track;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/bench/tracking} by walking up from the working directory. */
public final class SharedBench {

    private SharedBench() {
    }

    /** The {@code shared/bench/tracking} directory; fails with a clear message when it is absent. */
    public static Path trackingDir() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("bench").resolve("tracking");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/bench/tracking not found in " + dir + " or any parent directory;"
                + " these tests need the shared benchmark files beside the project");
    }
}
