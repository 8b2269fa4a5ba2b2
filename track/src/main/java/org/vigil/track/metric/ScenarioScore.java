package org.vigil.track.metric;

import java.util.List;

/**
 * Means over all scans of a scenario of GOSPA (with its parts) and OSPA, as
 * {@code bench/tracking/score.py} reports them.
 *
 * @param gospa        mean GOSPA, m
 * @param localisation mean localisation part
 * @param missed       mean missed part
 * @param falseTracks  mean false part
 * @param ospa         mean OSPA, m
 * @param scans        number of scans
 */
public record ScenarioScore(double gospa, double localisation, double missed, double falseTracks, double ospa, int scans) {

    /** Scores per-scan truth and estimate sets (same length, one entry per scan) with cut-off c and order p. */
    public static ScenarioScore of(List<PlanarPoints> truth, List<PlanarPoints> estimates, double cutoffMetres, double order) {
        if (truth.size() != estimates.size()) {
            throw new IllegalArgumentException("truth and estimates differ in scan count");
        }
        GospaMetric g = new GospaMetric(cutoffMetres, order);
        OspaMetric o = new OspaMetric(cutoffMetres, order);
        int k = truth.size();
        double sg = 0, sl = 0, sm = 0, sf = 0, so = 0;
        for (int i = 0; i < k; i++) {
            GospaValue v = g.evaluate(truth.get(i), estimates.get(i));
            sg += v.total();
            sl += v.localisation();
            sm += v.missed();
            sf += v.falseTracks();
            so += o.distance(truth.get(i), estimates.get(i));
        }
        int d = Math.max(k, 1);
        return new ScenarioScore(sg / d, sl / d, sm / d, sf / d, so / d, k);
    }
}
