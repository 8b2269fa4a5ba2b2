package org.vigil.theatre.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree whose every node remembers the line it started on, so that a
 * semantic error deep in a GeoJSON file ("latitude 95 out of range") can still
 * name its line. Jackson's own tree model drops locations.
 */
record LocatedJson(Object value, int line) {

    static LocatedJson parse(InputStream in, String file) {
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() == null) {
                throw new TheatreFileException(file, 0, null, "the file is empty");
            }
            LocatedJson root = read(p);
            if (p.nextToken() != null) {
                throw new TheatreFileException(file, p.currentTokenLocation().getLineNr(), null,
                        "unexpected content after the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TheatreFileException(file, line, null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TheatreFileException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static LocatedJson read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, LocatedJson> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, read(p));
                }
                return new LocatedJson(m, line);
            }
            case START_ARRAY -> {
                List<LocatedJson> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return new LocatedJson(l, line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new LocatedJson(p.getDoubleValue(), line);
            }
            case VALUE_STRING -> {
                return new LocatedJson(p.getText(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new LocatedJson(p.getBooleanValue(), line);
            }
            default -> {
                return new LocatedJson(null, line);
            }
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, LocatedJson> asObject() {
        return value instanceof Map<?, ?> m ? (Map<String, LocatedJson>) m : null;
    }

    @SuppressWarnings("unchecked")
    List<LocatedJson> asArray() {
        return value instanceof List<?> l ? (List<LocatedJson>) l : null;
    }

    Double asNumber() {
        return value instanceof Double d ? d : null;
    }

    String asText() {
        return value instanceof String s ? s : null;
    }
}
