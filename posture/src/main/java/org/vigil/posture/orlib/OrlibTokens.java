package org.vigil.posture.orlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The whitespace-separated token stream of an OR-Library file, with the line of each token
 * kept for error messages. OR-Library files wrap their rows freely and differ in trailing
 * blanks and final newlines, so line breaks carry no meaning beyond error reporting.
 */
final class OrlibTokens {

    private final Path file;
    private final String text;
    private int position;
    private int line = 1;
    /** Line of the token returned last, for errors about its value. */
    private int tokenLine = 1;

    private OrlibTokens(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    static OrlibTokens open(Path file) {
        try {
            return new OrlibTokens(file, Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            throw new OrlibFileException(file, 0, "no such file");
        } catch (IOException e) {
            throw new OrlibFileException(file, 0, "cannot read the file: " + e.getMessage());
        }
    }

    /** The file name without its extension, e.g. {@code pmed1} for {@code data/pmed1.txt}. */
    static String instanceName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The next token, or an error naming {@code what} was expected if the file ends first. */
    String next(String what) {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            if (text.charAt(position) == '\n') {
                line++;
            }
            position++;
        }
        if (position == text.length()) {
            throw error(line, "unexpected end of file: expected " + what);
        }
        int start = position;
        while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        tokenLine = line;
        return text.substring(start, position);
    }

    int nextInt(String what, int minimum) {
        String token = next(what);
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(tokenLine, "expected " + what + " (an integer), found '" + shorten(token) + "'");
        }
        if (value < minimum) {
            throw error(tokenLine, what + " must be at least " + minimum + ", found " + value);
        }
        return value;
    }

    /** A finite, non-negative decimal; OR-Library writes some as {@code 7500.} (trailing point). */
    double nextNonNegative(String what) {
        return parseNonNegative(next(what), what);
    }

    double parseNonNegative(String token, String what) {
        double value;
        try {
            // Double.parseDouble would also take "NaN", "Infinity" and hex floats: keep to plain decimals.
            if (!token.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(token);
            }
            value = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw error(tokenLine, "expected " + what + " (a number), found '" + shorten(token) + "'");
        }
        if (value < 0) {
            throw error(tokenLine, what + " must not be negative, found " + token);
        }
        return value;
    }

    /** Fails if anything but whitespace follows. */
    void expectEnd() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            if (text.charAt(position) == '\n') {
                line++;
            }
            position++;
        }
        if (position < text.length()) {
            String extra = next("nothing");
            throw error(tokenLine, "unexpected data after the last expected value: '" + shorten(extra) + "'");
        }
    }

    /** The line of the token returned last. */
    int tokenLine() {
        return tokenLine;
    }

    OrlibFileException error(int atLine, String reason) {
        return new OrlibFileException(file, atLine, reason);
    }

    private static String shorten(String token) {
        return token.length() <= 40 ? token : token.substring(0, 37) + "...";
    }
}
