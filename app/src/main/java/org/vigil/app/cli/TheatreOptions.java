package org.vigil.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.posture.io.ForcesReader;
import org.vigil.posture.model.Forces;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.theatre.site.Site;
import picocli.CommandLine.Option;

/** The {@code --theatre} and {@code --forces} options shared by the planners. */
public final class TheatreOptions {

    @Option(names = "--theatre", paramLabel = "DIR",
            description = "Theatre directory (sites.csv, contact_line.geojson, occupied.geojson, border.geojson"
                    + " [, neighbours.geojson, forces.yaml]). Default: the bundled Ukraine theatre.")
    Path theatreDir;

    @Option(names = "--forces", paramLabel = "FILE",
            description = "Forces file (YAML). Default: the theatre's forces.yaml, else the bundled default forces.")
    Path forcesFile;

    public Theatre theatre() {
        return theatreDir == null ? TheatreLoader.bundledUkraine() : TheatreLoader.fromDirectory(theatreDir);
    }

    public Forces forces(Theatre theatre) {
        Path file = forcesFile;
        if (file == null && theatreDir != null && Files.isRegularFile(theatreDir.resolve("forces.yaml"))) {
            file = theatreDir.resolve("forces.yaml");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new UserInputException("--forces: " + file + ": no such file");
        }
        Forces forces = file == null ? ForcesReader.bundledDefault() : ForcesReader.read(file);
        Set<String> oblasts = theatre.sites().stream().map(Site::oblast).collect(Collectors.toSet());
        ForcesReader.checkOblasts(forces, oblasts, file == null ? "bundled forces-default.yaml" : file.toString());
        return forces;
    }
}
