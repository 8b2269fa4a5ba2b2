package org.vigil.track.metric;

/**
 * GOSPA at one time, with its decomposition in {@code d^p} units (metres for p = 1), so that
 * {@code localisation + missed + falseTracks = total^p}.
 *
 * @param total        GOSPA, m
 * @param localisation sum of {@code d^p} over truth-estimate pairs closer than the cut-off
 * @param missed       {@code c^p / 2} per truth without such a pair
 * @param falseTracks  {@code c^p / 2} per estimate without such a pair
 */
public record GospaValue(double total, double localisation, double missed, double falseTracks) {
}
