package org.vigil.isr.orbit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orekit.errors.OrekitException;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Reads two-line element sets: plain two-line files, three-line files (a name line
 * before each pair, as CelesTrak serves them) and Vallado's verification file
 * ({@code #} comment lines, start/stop/step after column 69 of line 2, CRLF endings).
 *
 * <p>Each element set is checked before Orekit parses it: line numbers 1 and 2, at least
 * 69 columns, the same catalogue number on both lines, the fixed-column layout, and the
 * modulo-10 checksum in column 69 (unless told to ignore it). A failure is one line:
 * {@code FILE:LINE: reason}.
 */
public final class TleReader {

    private final boolean checkChecksums;

    /** @param checkChecksums false to accept wrong checksums (the verification file has five on purpose) */
    public TleReader(boolean checkChecksums) {
        this.checkChecksums = checkChecksums;
    }

    public List<TleEntry> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TleFileException(file + ": cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public List<TleEntry> parse(String text, String source) {
        String[] lines = text.split("\r?\n|\r", -1);
        List<TleEntry> out = new ArrayList<>();
        String name = "";
        for (int i = 0; i < lines.length; i++) {
            String l = stripEnd(lines[i]);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("1 ")) {
                if (i + 1 >= lines.length || !stripEnd(lines[i + 1]).startsWith("2 ")) {
                    throw new TleFileException(source + ":" + (i + 2) + ": expected line 2 of the element set begun on line "
                            + (i + 1) + " (a line starting '2 ')");
                }
                out.add(entry(name, l, stripEnd(lines[i + 1]), i + 1, source));
                name = "";
                i++;
            } else if (l.startsWith("2 ")) {
                throw new TleFileException(source + ":" + (i + 1) + ": line 2 without a line 1 before it");
            } else {
                if (!name.isEmpty()) {
                    throw new TleFileException(source + ":" + (i + 1) + ": expected line 1 of an element set (starting '1 '), got '"
                            + abbreviate(l) + "'");
                }
                name = l.startsWith("0 ") ? l.substring(2).trim() : l.trim();
            }
        }
        if (!name.isEmpty()) {
            throw new TleFileException(source + ": the file ends after the name line '" + name + "' without its element set");
        }
        if (out.isEmpty()) {
            throw new TleFileException(source + ": no two-line element sets found");
        }
        return List.copyOf(out);
    }

    private TleEntry entry(String name, String line1, String line2, int lineNo, String source) {
        check(line1, 1, lineNo, source);
        check(line2, 2, lineNo + 1, source);
        String l1 = line1.substring(0, 69), l2 = line2.substring(0, 69);
        if (!l1.substring(2, 7).equals(l2.substring(2, 7))) {
            throw new TleFileException(source + ":" + (lineNo + 1) + ": catalogue number '" + l2.substring(2, 7).trim()
                    + "' differs from line 1's '" + l1.substring(2, 7).trim() + "'");
        }
        TLE tle;
        try {
            tle = new TLE(l1, l2, OrekitData.bundled().utc());
        } catch (OrekitException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new TleFileException(source + ":" + lineNo + ": not a valid element set: " + oneLine(e.getMessage()));
        }
        return new TleEntry(name, tle, lineNo, extras(line2, lineNo + 1, source));
    }

    private void check(String line, int which, int lineNo, String source) {
        if (line.length() < 69) {
            throw new TleFileException(source + ":" + lineNo + ": line " + which + " has " + line.length()
                    + " columns, a TLE line needs 69");
        }
        String cols = line.substring(0, 69);
        // Fixed-column layout: the blanks that separate the fields.
        int[] blanks = which == 1 ? new int[] {1, 8, 17, 32, 43, 52, 61, 63} : new int[] {1, 7, 16, 25, 33, 42, 51};
        for (int b : blanks) {
            if (cols.charAt(b) != ' ') {
                throw new TleFileException(source + ":" + lineNo + ": line " + which + " column " + (b + 1)
                        + " must be blank in the fixed TLE layout, found '" + cols.charAt(b) + "'");
            }
        }
        char last = cols.charAt(68);
        if (!Character.isDigit(last)) {
            throw new TleFileException(source + ":" + lineNo + ": line " + which + " column 69 must be the checksum digit, found '"
                    + last + "'");
        }
        if (checkChecksums) {
            int expected = checksum(cols);
            if (expected != last - '0') {
                throw new TleFileException(source + ":" + lineNo + ": line " + which + " checksum is " + (last - '0')
                        + " but the line sums to " + expected + " (modulo 10)");
            }
        }
    }

    /** The modulo-10 TLE checksum of columns 1-68: digits count their value, '-' counts 1. */
    public static int checksum(String line) {
        int sum = 0;
        for (int k = 0; k < 68; k++) {
            char c = line.charAt(k);
            if (Character.isDigit(c)) {
                sum += c - '0';
            } else if (c == '-') {
                sum += 1;
            }
        }
        return sum % 10;
    }

    private static Optional<TleEntry.TimeRange> extras(String line2, int lineNo, String source) {
        if (line2.length() <= 69 || line2.substring(69).isBlank()) {
            return Optional.empty();
        }
        String[] f = line2.substring(69).trim().split("\\s+");
        if (f.length != 3) {
            throw new TleFileException(source + ":" + lineNo + ": after column 69 expected start, stop and step minutes, got '"
                    + line2.substring(69).trim() + "'");
        }
        try {
            double start = Double.parseDouble(f[0]), stop = Double.parseDouble(f[1]), step = Double.parseDouble(f[2]);
            if (!(step > 0) || !(stop >= start)) {
                throw new TleFileException(source + ":" + lineNo + ": start/stop/step must have stop >= start and step > 0");
            }
            return Optional.of(new TleEntry.TimeRange(start, stop, step));
        } catch (NumberFormatException e) {
            throw new TleFileException(source + ":" + lineNo + ": start/stop/step after column 69 are not numbers: '"
                    + line2.substring(69).trim() + "'");
        }
    }

    private static String stripEnd(String s) {
        return s.stripTrailing();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
