package org.vigil.track.metric;

/**
 * Optimal sub-pattern assignment (OSPA) distance (Schuhmacher, Vo and Vo, IEEE TSP 2008): with
 * {@code n = max(|X|, |Y|)},
 * <pre>
 * OSPA(X, Y) = ( (min over assignments of sum min(d, c)^p + c^p (n - min(|X|, |Y|))) / n )^(1/p)
 * </pre>
 * 0 when both sets are empty, {@code c} when exactly one is. A per-object average bounded by
 * {@code c}.
 *
 * @param cutoffMetres cut-off {@code c}, m
 * @param order        order {@code p >= 1}
 */
public record OspaMetric(double cutoffMetres, double order) implements SetMetric {

    public OspaMetric {
        if (!(cutoffMetres > 0) || !(order >= 1)) {
            throw new IllegalArgumentException("need c > 0 and p >= 1");
        }
    }

    @Override
    public double distance(PlanarPoints truth, PlanarPoints estimate) {
        int big = Math.max(truth.size(), estimate.size());
        if (big == 0) {
            return 0;
        }
        if (Math.min(truth.size(), estimate.size()) == 0) {
            return cutoffMetres;
        }
        CutoffMatching m = CutoffMatching.of(truth, estimate, cutoffMetres, order);
        double cp = Math.pow(cutoffMetres, order);
        return Math.pow((m.localisation + cp * (big - m.pairs)) / big, 1 / order);
    }
}
