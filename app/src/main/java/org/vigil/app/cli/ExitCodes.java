package org.vigil.app.cli;

/** The exit codes every command keeps. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something failed that is not the user's input (a bug, a full disk). */
    public static final int FAILURE = 1;
    /** Bad input: an option, a theatre file, a forces file. */
    public static final int BAD_INPUT = 2;
    /** The request is valid but no plan can meet it. */
    public static final int INFEASIBLE = 3;
    /** The solver found no plan within its time limit (neither feasible nor proved infeasible). */
    public static final int NO_PLAN_IN_TIME = 4;

    private ExitCodes() {
    }
}
