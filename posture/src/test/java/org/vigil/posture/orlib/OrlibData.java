package org.vigil.posture.orlib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the shared OR-Library files are, and their published optima ({@code optima.csv}). */
final class OrlibData {

    /** One row of optima.csv. */
    record Optimum(String instance, String family, double value) {
        Path file() {
            return directory().resolve(instance + ".txt");
        }

        @Override
        public String toString() {
            return instance; // the parameterised test's display name
        }
    }

    private OrlibData() {
    }

    /**
     * The shared data folder {@code shared/data/orlib}, found by walking up from the working
     * directory (Maven runs tests in the module folder, ../../shared from it; an IDE may use the
     * project root), so the tests read the files in place wherever the tree is checked out.
     */
    static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/orlib");
            if (Files.isRegularFile(candidate.resolve("optima.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/orlib/optima.csv found in " + start + " or any folder above it;"
                + " the OR-Library tests read the shared data set in place (../../shared/data/orlib from a module)");
    }

    static List<Optimum> optima() throws IOException {
        List<String> lines = Files.readAllLines(directory().resolve("optima.csv"));
        if (!lines.getFirst().strip().equals("instance,family,optimum")) {
            throw new IllegalStateException("optima.csv: unexpected header " + lines.getFirst());
        }
        return lines.stream().skip(1).map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] f = l.split(",");
            return new Optimum(f[0], f[1], Double.parseDouble(f[2]));
        }).toList();
    }

    static List<Optimum> optima(String family) throws IOException {
        return optima().stream().filter(o -> o.family().equals(family)).toList();
    }
}
