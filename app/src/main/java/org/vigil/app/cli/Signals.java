package org.vigil.app.cli;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a callback instead of the JVM's default exit (status 143),
 * so a server can close its connections and exit 0. Falls back to a shutdown hook where
 * signals cannot be handled.
 */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable action) {
        try {
            Signal.handle(new Signal("TERM"), s -> action.run());
            Signal.handle(new Signal("INT"), s -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(action));
        }
    }
}
