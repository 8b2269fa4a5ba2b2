package org.vigil.store;

/**
 * A store operation failed at run time (the database refused a write, the connection broke,
 * the store is closed). Its message is one line meant for logs and API error bodies. Problems
 * with the store's location given at start (a bad URL, an unreachable server, a file that is
 * not a database) are reported by {@link Stores#open} as {@link IllegalArgumentException}.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
