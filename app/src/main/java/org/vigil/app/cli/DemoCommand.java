package org.vigil.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: the main job on embedded defaults. For now it plans the default
 * posture over the bundled theatre and prints its summary; the live COP joins it as
 * the watch side lands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs Vigil on its embedded defaults: plans the default posture for the bundled Ukraine theatre.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vigil-data/posture",
            description = "Where the plan is written (default ${DEFAULT-VALUE}).")
    String out;

    @Override
    public Integer call() {
        System.out.println("Vigil demo: planning the default posture for the bundled Ukraine theatre.");
        return VigilCommand.commandLine().execute("plan", "posture", "--out", out);
    }
}
