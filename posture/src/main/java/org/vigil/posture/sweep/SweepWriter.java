package org.vigil.posture.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a sweep as CSV and as an SVG chart of protection against the swept value,
 * self-explanatory: title, axis names with units, each point labelled with the sites
 * it guards and covers, infeasible values marked.
 */
public final class SweepWriter {

    /** What was swept: its CSV column, axis title and unit. */
    public enum Axis {
        CAP("cap", "Troop cap (stationed strength strictly below it)", "troops"),
        STANDOFF("standoffKm", "Stand-off from the line of contact", "km");

        final String column;
        final String title;
        final String unit;

        Axis(String column, String title, String unit) {
            this.column = column;
            this.title = title;
            this.unit = unit;
        }
    }

    private SweepWriter() {
    }

    public static void csv(List<SweepPoint> points, Axis axis, Path file) throws IOException {
        StringBuilder b = new StringBuilder(axis.column + ",status,objective,bound,totalStrength,guarded,covered\n");
        for (SweepPoint p : points) {
            b.append(axis == Axis.CAP ? String.valueOf((long) p.value()) : fmt(p.value())).append(',')
                    .append(p.status()).append(',').append(fmt(p.objective())).append(',').append(fmt(p.bound()))
                    .append(',').append(p.totalStrength()).append(',').append(p.guarded()).append(',')
                    .append(p.covered()).append('\n');
        }
        Files.writeString(file, b);
    }

    /**
     * @param maximum the protection if every site were guarded: the 100 % line
     * @param subtitle the fixed parameters, e.g. "stand-off 50 km, response 2 h"
     */
    public static void svg(List<SweepPoint> points, Axis axis, double maximum, String title, String subtitle, Path file)
            throws IOException {
        Files.writeString(file, svg(points, axis, maximum, title, subtitle));
    }

    static String svg(List<SweepPoint> points, Axis axis, double maximum, String title, String subtitle) {
        int w = 900, h = 540, left = 90, right = 60, top = 100, bottom = 80;
        double x0 = points.stream().mapToDouble(SweepPoint::value).min().orElse(0);
        double x1 = points.stream().mapToDouble(SweepPoint::value).max().orElse(1);
        if (x1 == x0) {
            x1 = x0 + 1;
        }
        double plotW = w - left - right, plotH = h - top - bottom;
        double fx0 = x0, fx1 = x1;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - fx0) / (fx1 - fx0) * plotW;
        java.util.function.DoubleUnaryOperator py = pct -> top + plotH - pct / 100 * plotH;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\">%n", w, h, w, h));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(w / 2.0, 32, 20, "middle", "bold", title));
        s.append(text(w / 2.0, 56, 13, "middle", "normal", subtitle));
        for (int pct = 0; pct <= 100; pct += 20) {
            double y = py.applyAsDouble(pct);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left, y, w - right, y));
            s.append(text(left - 8, y + 4, 12, "end", "normal", pct + " %"));
        }
        for (SweepPoint p : points) {
            double x = px.applyAsDouble(p.value());
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    x, top, x, top + (int) plotH));
            s.append(text(x, top + plotH + 20, 12, "middle", "normal", label(p.value(), axis)));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#333\"/>%n",
                left, top, plotW, plotH));
        s.append(text(left + plotW / 2, h - 28, 14, "middle", "normal", axis.title + " (" + axis.unit + ")"));
        s.append(String.format(Locale.ROOT,
                "<text x=\"22\" y=\"%.1f\" font-size=\"14\" text-anchor=\"middle\" transform=\"rotate(-90 22 %.1f)\">"
                        + "Protection (%% of every site guarded)</text>%n", top + plotH / 2, top + plotH / 2));
        StringBuilder path = new StringBuilder();
        for (SweepPoint p : points) {
            if (!p.status().hasPlan()) {
                continue;
            }
            double x = px.applyAsDouble(p.value()), y = py.applyAsDouble(100 * p.objective() / maximum);
            path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        if (!path.isEmpty()) {
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f5aa6\" stroke-width=\"3\"/>\n");
        }
        for (SweepPoint p : points) {
            double x = px.applyAsDouble(p.value());
            if (p.status().hasPlan()) {
                double pct = 100 * p.objective() / maximum, y = py.applyAsDouble(pct);
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#1f5aa6\"/>%n", x, y));
                s.append(text(x, y - 36, 11, "middle", "bold", String.format(Locale.ROOT, "%.0f %%", pct)));
                s.append(text(x, y - 23, 10, "middle", "normal", p.guarded() + " guarded"));
                s.append(text(x, y - 11, 10, "middle", "normal", p.covered() + " covered"));
            } else {
                double y = py.applyAsDouble(0);
                s.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"16\" fill=\"#b00\" text-anchor=\"middle\">✕</text>%n", x, y - 4));
                s.append(text(x, y - 22, 10, "middle", "normal", p.status().name().toLowerCase(Locale.ROOT)));
            }
        }
        s.append(text(w - right, h - 8, 10, "end", "normal",
                "Protection: a guarded site earns its criticality, a site a quick-reaction force reaches in time half of it."));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String label(double v, Axis axis) {
        return axis == Axis.CAP ? String.format(Locale.ROOT, "%,d", (long) v) : fmt(v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String text(double x, double y, int size, String anchor, String weight, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x, y, size, anchor, weight, escape(content));
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
