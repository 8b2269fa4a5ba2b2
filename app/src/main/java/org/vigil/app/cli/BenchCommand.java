package org.vigil.app.cli;

import picocli.CommandLine.Command;

/** {@code vigil bench ...}: benchmark harnesses that print one JSON line each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints one JSON line with its figures.",
        subcommands = {BenchTrackCommand.class, BenchOrlibCommand.class, BenchCotCommand.class, BenchIngestCommand.class,
                BenchHistoryCommand.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
