package org.vigil.track.gate;

/**
 * The gated track-detection pairs of one frame, in compressed rows: the candidates of track
 * {@code i} are entries {@code start[i] .. start[i+1]-1}.
 *
 * @param start              row starts, length tracks + 1
 * @param detection          detection index of each entry
 * @param mahalanobisSquared squared Mahalanobis distance of each entry
 * @param logDensity         log predicted measurement density of each entry (see Innovation)
 */
public record Hypotheses(int[] start, int[] detection, double[] mahalanobisSquared, double[] logDensity) {

    /** Number of tracks. */
    public int tracks() {
        return start.length - 1;
    }

    /** Number of gated pairs. */
    public int pairs() {
        return start[start.length - 1];
    }
}
