package org.vigil.track.metric;

/**
 * Generalised optimal sub-pattern assignment (GOSPA) with {@code alpha = 2}
 * (Rahmathullah, Garcia-Fernandez and Svensson, FUSION 2017):
 * <pre>
 * GOSPA(X, Y) = ( min over assignments gamma of  sum_{(i,j) in gamma} d(x_i, y_j)^p
 *                 + (c^p / 2) (|X| + |Y| - 2 |gamma|) )^(1/p)
 * </pre>
 * over partial assignments {@code gamma} of pairs closer than {@code c}. It is a metric for
 * {@code p >= 1}: its parts count localisation error, missed targets and false tracks.
 * Conventions as in {@code bench/tracking/FORMAT.md}: a pair at {@code d >= c} counts as one
 * missed plus one false.
 *
 * @param cutoffMetres cut-off {@code c}, m
 * @param order        order {@code p >= 1}
 */
public record GospaMetric(double cutoffMetres, double order) implements SetMetric {

    public GospaMetric {
        if (!(cutoffMetres > 0) || !(order >= 1)) {
            throw new IllegalArgumentException("need c > 0 and p >= 1");
        }
    }

    /** GOSPA and its decomposition. */
    public GospaValue evaluate(PlanarPoints truth, PlanarPoints estimate) {
        CutoffMatching m = CutoffMatching.of(truth, estimate, cutoffMetres, order);
        double half = Math.pow(cutoffMetres, order) / 2;
        double missed = half * (truth.size() - m.pairs);
        double falseTracks = half * (estimate.size() - m.pairs);
        double sum = m.localisation + missed + falseTracks;
        return new GospaValue(Math.pow(sum, 1 / order), m.localisation, missed, falseTracks);
    }

    @Override
    public double distance(PlanarPoints truth, PlanarPoints estimate) {
        return evaluate(truth, estimate).total();
    }
}
