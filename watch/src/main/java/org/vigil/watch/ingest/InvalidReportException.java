package org.vigil.watch.ingest;

/**
 * A report refused before anything was journaled: names the report's position in its batch,
 * the field and the reason, e.g. {@code report 3: field 'lat': 91.0 is out of range -90..90}.
 * The HTTP API answers it with 400 and this message.
 */
public final class InvalidReportException extends IllegalArgumentException {

    private final int index;
    private final String field;
    private final String reason;

    public InvalidReportException(int index, String field, String reason) {
        super("report " + index + ": field '" + field + "': " + reason);
        this.index = index;
        this.field = field;
        this.reason = reason;
    }

    /** Position of the bad report in the batch given to ingest, 0-based. */
    public int index() {
        return index;
    }

    /** The offending field, as the JSON API names it ({@code sensor}, {@code time}, {@code lat}, ...). */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
