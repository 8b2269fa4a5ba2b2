package org.vigil.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil isr ...}: satellite propagation and passes, the ISR planner's building blocks. */
@Command(name = "isr", mixinStandardHelpOptions = true,
        description = "Satellite tools for ISR planning: SGP4 propagation (Orekit) and passes over a point.",
        subcommands = {IsrPropagateCommand.class, IsrPassesCommand.class})
public final class IsrCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
