package org.vigil.theatre.io;

/**
 * A theatre file that cannot be used, with the place that is wrong: file, line (1-based,
 * 0 when the whole file is at fault) and field. Its message is one line meant for the user.
 */
public final class TheatreFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;
    private final String reason;

    public TheatreFileException(String file, int line, String field, String reason) {
        super(format(file, line, field, reason));
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    private static String format(String file, int line, String field, String reason) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (field != null && !field.isEmpty()) {
            b.append("field '").append(field).append("': ");
        }
        return b.append(reason).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
