package org.vigil.app.cli;

/** Bad input from the user: printed as one line, exit code 2. */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
