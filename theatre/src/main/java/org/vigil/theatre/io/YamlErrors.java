package org.vigil.theatre.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-line errors for the project's YAML input files (forces, ISR assets), in the form
 * {@code FILE:LINE: field 'path': reason}, from Jackson's exceptions and the file's text.
 */
public final class YamlErrors {

    private YamlErrors() {
    }

    /** The 1-based line of the {@code occurrence}-th occurrence of {@code needle}, or 0; only for errors found after parsing. */
    public static int lineOf(String text, String needle, int occurrence) {
        int at = -1;
        for (int k = 0; k < occurrence; k++) {
            at = text.indexOf(needle, at + 1);
            if (at < 0) {
                return 0;
            }
        }
        return lineAt(text, at);
    }

    /** The line of the first "key:" written as a YAML key (block or flow style), or 0. */
    public static int lineOfKey(String text, String key) {
        Matcher m = Pattern.compile("(^|[\\s{,-])(" + Pattern.quote(key) + ")\\s*:", Pattern.MULTILINE).matcher(text);
        return m.find() ? lineAt(text, m.start(2)) : 0;
    }

    /** {@code FILE:LINE: field 'path': reason} for a Jackson failure reading {@code text}. */
    public static String describe(JsonProcessingException e, String file, String text) {
        JsonLocation loc = e.getLocation();
        String where = file + (loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() : "");
        String reason = e.getOriginalMessage();
        String path = "";
        if (e instanceof JsonMappingException jm && !jm.getPath().isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference r : jm.getPath()) {
                if (r.getFieldName() != null) {
                    b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
            path = b.toString();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            reason = "unknown field '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
            // Records are built once their whole mapping is read, so Jackson points past it; find the key itself.
            int keyLine = lineOfKey(text, u.getPropertyName());
            if (keyLine > 0) {
                where = file + ":" + keyLine;
            }
        } else if (e.getCause() instanceof IllegalArgumentException iae) {
            reason = iae.getMessage();
        } else if (reason != null) {
            // Jackson's wording names Java types; keep its first sentence, which says what was wrong.
            reason = reason.replaceAll("(?s)\\s*\\n.*", "").replaceAll("`[a-z.]+\\$?([A-Za-z]+)`", "$1");
            if (reason.contains("Missing required creator property")) {
                reason = "missing required field" + reason.replaceAll(".*property '([^']+)'.*", " '$1'");
            }
        }
        String field = path.isEmpty() ? "" : "field '" + path + "': ";
        return where + ": " + field + String.valueOf(reason).replace('\n', ' ');
    }

    private static int lineAt(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
