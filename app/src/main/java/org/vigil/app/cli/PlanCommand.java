package org.vigil.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil plan ...}: the batch planners. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Plan the force posture and the ISR collection.",
        subcommands = {PlanPostureCommand.class, PlanIsrCommand.class})
public final class PlanCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
