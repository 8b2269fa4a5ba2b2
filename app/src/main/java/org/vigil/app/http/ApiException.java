package org.vigil.app.http;

/**
 * A request the API refuses, with the HTTP status to answer and, when one field is at fault,
 * its name ({@code lat}, or {@code [3].lat} inside an array) so the client can point at it.
 * Handlers throw it; the server turns it into {@code {"error": ..., "field": ...}}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field == null ? message : field + ": " + message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    public int status() {
        return status;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}
