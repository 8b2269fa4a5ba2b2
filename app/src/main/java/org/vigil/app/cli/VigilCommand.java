package org.vigil.app.cli;

import org.vigil.posture.io.ForcesFileException;
import org.vigil.theatre.io.TheatreFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code vigil} command. Each capability is a subcommand; errors from bad
 * input are one line on stderr with exit code 2, never a stack trace.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "vigil 0.1.0",
        description = "Planning and monitoring for a multinational reassurance force.",
        subcommands = {DemoCommand.class, PlanCommand.class, TrackCommand.class, IsrCommand.class, SimulateCommand.class, ServeCommand.class, CertsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class VigilCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VigilCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserInputException || ex instanceof TheatreFileException
                    || ex instanceof ForcesFileException || ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("vigil: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            commandLine.getErr().println("vigil: unexpected failure: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("vigil: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }
}
