package org.vigil.posture;

import java.time.Duration;
import org.vigil.posture.io.ForcesReader;
import org.vigil.posture.model.Forces;
import org.vigil.posture.model.PostureProblem;
import org.vigil.posture.model.Rules;
import org.vigil.posture.solve.PostureSolver;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.io.TheatreLoader;

/** Shared, immutable test inputs: loading the theatre and its geodesy once is worth it. */
public final class Fixtures {

    public static final Theatre UKRAINE = TheatreLoader.bundledUkraine();
    public static final Forces DEFAULT_FORCES = ForcesReader.bundledDefault();
    public static final PostureProblem DEFAULT_PROBLEM = PostureProblem.of(UKRAINE, DEFAULT_FORCES, Rules.defaults());

    private Fixtures() {
    }

    /** A generous limit: tests check what is proved, benchmarks check how fast. */
    public static PostureSolver solver() {
        return new PostureSolver(Duration.ofSeconds(120), 8);
    }
}
