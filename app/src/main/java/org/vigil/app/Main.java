package org.vigil.app;

import org.vigil.app.cli.VigilCommand;
import picocli.CommandLine;

/** Entry point of the {@code vigil} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 2 bad input, 3 infeasible plan). */
    public static int run(String... args) {
        return VigilCommand.commandLine().execute(args);
    }
}
