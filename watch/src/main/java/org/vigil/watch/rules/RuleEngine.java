package org.vigil.watch.rules;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.site.Site;
import org.vigil.theatre.site.SiteKind;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;

/**
 * The alert rules of {@link AlertRules}, evaluated against the live picture. Track rules
 * (proximity, crossing, air over a nuclear power station) run on every track change; the
 * massing rule on a data-time tick; the border-watch rule learns from every accepted report
 * and is checked on a server-time tick. Each finding goes to a {@link ConditionSink} as a
 * condition that holds or has cleared; the sink turns that into alerts (and de-duplicates by
 * key), so the rules themselves keep only what they need to decide.
 *
 * <p>Not thread-safe: the pipeline's tracker thread owns it.
 */
public final class RuleEngine {

    public static final String PROXIMITY = "proximity";
    public static final String CROSSING = "crossing";
    public static final String AIR_OVER_NPP = "air-over-npp";
    public static final String MASSING = "massing";
    public static final String UNOBSERVED = "unobserved";

    private enum Side { UNKNOWN, OCCUPIED, GOVERNMENT }

    /**
     * A guarded site, with the latitude/longitude box beyond which a track is surely farther
     * than {@code reachMetres}: most updates are far from every site, and four comparisons
     * settle them.
     */
    private record Guarded(Site site, double radiusMetres, double minLat, double maxLat, double minLon, double maxLon) {
        static Guarded of(Site site, double radiusMetres, double reachMetres) {
            double lat = site.location().latitudeDeg(), lon = site.location().longitudeDeg();
            // a degree of latitude is at least 110.5 km; of longitude, at least that times cos(latitude + pad)
            double padLat = reachMetres / 110_500.0;
            double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + padLat)));
            double padLon = padLat / Math.max(0.01, cos);
            return new Guarded(site, radiusMetres, lat - padLat, lat + padLat, lon - padLon, lon + padLon);
        }

        boolean surelyBeyond(double lat, double lon) {
            return lat < minLat || lat > maxLat || lon < minLon || lon > maxLon;
        }
    }

    private static final class Memo {
        Side side = Side.UNKNOWN;
        final Set<String> keys = new HashSet<>();
    }

    private final AlertRules rules;
    private final SideIndex sides;
    private final List<GeoPoint> contactLine;
    private final List<Guarded> guarded = new ArrayList<>();
    private final List<Site> nuclear = new ArrayList<>();
    private final Map<String, Memo> memos = new HashMap<>();
    private final Map<String, Instant> lastObserved = new LinkedHashMap<>();
    private final Map<String, double[]> segmentBoxes = new HashMap<>();
    private final Set<String> massingCells = new HashSet<>();
    private final H3Core h3;
    private double maxGuardRadiusMetres;

    public RuleEngine(Theatre theatre, AlertRules rules) {
        this.rules = rules;
        this.sides = new SideIndex(theatre);
        this.contactLine = theatre.contactLine();
        for (Site s : theatre.sites()) {
            Double r = rules.proximity().radiusMetresByKind().get(s.kind());
            if (r != null && (s.isGovernmentControlled() || !rules.proximity().governmentControlledOnly())) {
                double clearAt = r * (1 + rules.proximity().clearMargin());
                guarded.add(Guarded.of(s, r, clearAt * 1.05 + 1000));
                maxGuardRadiusMetres = Math.max(maxGuardRadiusMetres, r * (1 + rules.proximity().clearMargin()));
            }
            if (s.kind() == SiteKind.NUCLEAR_POWER_STATION
                    && (s.isGovernmentControlled() || rules.airOverNuclear().includeOccupied())) {
                nuclear.add(s);
            }
        }
        for (AlertRules.Segment seg : rules.borderWatch().segments()) {
            double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
            for (GeoPoint p : seg.points()) {
                minLat = Math.min(minLat, p.latitudeDeg());
                maxLat = Math.max(maxLat, p.latitudeDeg());
                minLon = Math.min(minLon, p.longitudeDeg());
                maxLon = Math.max(maxLon, p.longitudeDeg());
            }
            double padLat = rules.borderWatch().observeRadiusMetres() / 111_000.0 * 1.01;
            double padLon = padLat / Math.max(0.05, Math.cos(Math.toRadians(Math.max(Math.abs(minLat), Math.abs(maxLat)))));
            segmentBoxes.put(seg.id(), new double[] {minLat - padLat, maxLat + padLat, minLon - padLon, maxLon + padLon});
        }
        try {
            this.h3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
    }

    public AlertRules rules() {
        return rules;
    }

    /** The sites the proximity rule guards. */
    public List<Site> guardedSites() {
        return guarded.stream().map(Guarded::site).toList();
    }

    /** Starts the border watch: every segment counts as observed at {@code since} unless a report says later. */
    public void startBorderWatch(Instant since) {
        for (AlertRules.Segment seg : rules.borderWatch().segments()) {
            lastObserved.merge(seg.id(), since, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Learns from an accepted report: which border segments it observes. */
    public void reportAccepted(Report r) {
        if (!rules.borderWatch().enabled()) {
            return;
        }
        for (AlertRules.Segment seg : rules.borderWatch().segments()) {
            double[] b = segmentBoxes.get(seg.id());
            if (r.latDeg() < b[0] || r.latDeg() > b[1] || r.lonDeg() < b[2] || r.lonDeg() > b[3]) {
                continue;
            }
            Instant last = lastObserved.get(seg.id());
            if (last != null && r.time().isBefore(last.plusSeconds(1))) {
                continue; // observed within the second already: nothing to learn (and the geodesics are costly)
            }
            double approx = approxDistanceToPolylineMetres(r.latDeg(), r.lonDeg(), seg.points());
            double radius = rules.borderWatch().observeRadiusMetres();
            if (approx > radius * 1.05 + 500) {
                continue;
            }
            double d = Geodesy.distanceToPolylineMetres(new GeoPoint(r.latDeg(), r.lonDeg()), seg.points());
            if (d <= radius) {
                lastObserved.merge(seg.id(), r.time(), (a, n) -> n.isAfter(a) ? n : a);
            }
        }
    }

    /** When each monitored segment was last observed. */
    public Map<String, Instant> lastObserved() {
        return Map.copyOf(lastObserved);
    }

    /** Evaluates the track rules for a changed (confirmed) track. */
    public void trackChanged(TrackView t, ConditionSink sink) {
        Memo memo = memos.computeIfAbsent(t.id(), id -> new Memo());
        if (rules.proximity().enabled()) {
            proximity(t, memo, sink);
        }
        if (rules.airOverNuclear().enabled()) {
            airOver(t, memo, sink);
        }
        if (rules.crossing().enabled()) {
            crossing(t, memo, sink);
        }
    }

    /** The track has left the picture: every condition about it clears. */
    public void trackDeleted(String trackId, ConditionSink sink) {
        Memo memo = memos.remove(trackId);
        if (memo != null) {
            for (String k : memo.keys) {
                sink.clear(k);
            }
        }
    }

    private void proximity(TrackView t, Memo memo, ConditionSink sink) {
        for (Guarded g : guarded) {
            boolean beyond = g.surelyBeyond(t.latDeg(), t.lonDeg());
            if (beyond && memo.keys.isEmpty()) {
                continue;
            }
            double approx = approxDistanceMetres(t.latDeg(), t.lonDeg(), g.site().location());
            double clearAt = g.radiusMetres() * (1 + rules.proximity().clearMargin());
            if (beyond || approx > clearAt * 1.05 + 1000) {
                if (!memo.keys.isEmpty()) {
                    String key = PROXIMITY + ":" + g.site().id() + ":" + t.id();
                    if (memo.keys.remove(key)) {
                        sink.clear(key);
                    }
                }
                continue;
            }
            String key = PROXIMITY + ":" + g.site().id() + ":" + t.id();
            // the flat approximation is within 0.5 % at these distances: the geodesic only near an edge
            double d = approx < g.radiusMetres() * 0.99 || approx > clearAt * 1.01 ? approx
                    : Geodesy.distanceMetres(new GeoPoint(t.latDeg(), t.lonDeg()), g.site().location());
            if (d <= g.radiusMetres()) {
                memo.keys.add(key);
                sink.hold(new Condition(PROXIMITY, key, g.site().id(), t.id(), t.updated(), t.latDeg(), t.lonDeg(),
                        String.format(Locale.ROOT, "Track %s %.1f km from %s (%s, alert radius %.0f km)", t.id(),
                                d / 1000, g.site().name(), g.site().kind().code(), g.radiusMetres() / 1000)));
            } else if (d > clearAt && memo.keys.remove(key)) {
                sink.clear(key);
            }
        }
    }

    private void airOver(TrackView t, Memo memo, ConditionSink sink) {
        if (memo.keys.isEmpty() && !t.kind().equals("air")) {
            return; // a surface track holding no condition can neither raise nor clear one here
        }
        double r = rules.airOverNuclear().radiusMetres();
        for (Site s : nuclear) {
            double approx = approxDistanceMetres(t.latDeg(), t.lonDeg(), s.location());
            if (approx > 2 * r + 1000 && memo.keys.isEmpty()) {
                continue;
            }
            String key = AIR_OVER_NPP + ":" + s.id() + ":" + t.id();
            double d = approx > 2 * r + 1000 ? approx : Geodesy.distanceMetres(new GeoPoint(t.latDeg(), t.lonDeg()), s.location());
            if (t.kind().equals("air") && d <= r) {
                memo.keys.add(key);
                sink.hold(new Condition(AIR_OVER_NPP, key, s.id(), t.id(), t.updated(), t.latDeg(), t.lonDeg(),
                        String.format(Locale.ROOT, "Air track %s over %s (%.1f km)", t.id(), s.name(), d / 1000)));
            } else if ((!t.kind().equals("air") || d > r * 1.1) && memo.keys.remove(key)) {
                sink.clear(key);
            }
        }
    }

    private void crossing(TrackView t, Memo memo, ConditionSink sink) {
        boolean occ = sides.isOccupied(t.latDeg(), t.lonDeg());
        Side candidate = occ ? Side.OCCUPIED : sides.isInside(t.latDeg(), t.lonDeg()) ? Side.GOVERNMENT : Side.UNKNOWN;
        if (candidate == memo.side || candidate == Side.UNKNOWN) {
            return;
        }
        double margin = rules.crossing().marginMetres();
        if (margin > 0 && approxDistanceToPolylineMetres(t.latDeg(), t.lonDeg(), contactLine) < margin * 1.05 + 500
                && sides.distanceToContactLineMetres(t.latDeg(), t.lonDeg()) < margin) {
            return;
        }
        Side before = memo.side;
        memo.side = candidate;
        String key = CROSSING + ":" + t.id();
        if (before == Side.OCCUPIED && candidate == Side.GOVERNMENT) {
            memo.keys.add(key);
            sink.hold(new Condition(CROSSING, key, null, t.id(), t.updated(), t.latDeg(), t.lonDeg(),
                    String.format(Locale.ROOT, "Track %s crossed the line of contact westward (course %.0f deg, %.1f m/s)",
                            t.id(), t.courseDeg(), t.speedMps())));
        } else if (candidate == Side.OCCUPIED && memo.keys.remove(key)) {
            sink.clear(key);
        }
    }

    /**
     * Counts confirmed tracks per H3 cell: a cell holding more than the limit holds a massing
     * condition, a cell at or under it clears.
     */
    public void massing(Collection<TrackView> picture, Instant now, ConditionSink sink) {
        massing(massingCounts(picture), now, sink);
    }

    /**
     * The first half of {@link #massing(Collection, Instant, ConditionSink)}: tracks per H3 cell
     * (empty when the rule is off). It reads only the views and the rules, so it may run on any
     * thread - it is the costly half (an H3 lookup per track: 10-20 ms for 10,000 tracks), and the
     * live pipeline runs it off the tracker thread.
     */
    public Map<Long, Integer> massingCounts(Iterable<TrackView> picture) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!rules.massing().enabled()) {
            return counts;
        }
        int res = rules.massing().h3Resolution();
        for (TrackView t : picture) {
            counts.merge(h3.latLngToCell(t.latDeg(), t.lonDeg(), res), 1, Integer::sum);
        }
        return counts;
    }

    /** The second half: holds and clears the massing conditions for {@code counts} (tracker thread). */
    public void massing(Map<Long, Integer> counts, Instant now, ConditionSink sink) {
        if (!rules.massing().enabled()) {
            return;
        }
        int res = rules.massing().h3Resolution();
        Set<String> now_ = new HashSet<>();
        for (var e : counts.entrySet()) {
            if (e.getValue() > rules.massing().maxTracks()) {
                String cell = h3.h3ToString(e.getKey());
                now_.add(cell);
                LatLng c = h3.cellToLatLng(e.getKey());
                sink.hold(new Condition(MASSING, MASSING + ":" + cell, null, null, now, c.lat, c.lng,
                        String.format(Locale.ROOT, "%d tracks massing in H3 cell %s (resolution %d, limit %d)",
                                e.getValue(), cell, res, rules.massing().maxTracks())));
            }
        }
        for (String cell : massingCells) {
            if (!now_.contains(cell)) {
                sink.clear(MASSING + ":" + cell);
            }
        }
        massingCells.clear();
        massingCells.addAll(now_);
    }

    /** Checks each monitored segment's revisit requirement at server time {@code now}. */
    public void borderWatch(Instant now, ConditionSink sink) {
        if (!rules.borderWatch().enabled()) {
            return;
        }
        for (AlertRules.Segment seg : rules.borderWatch().segments()) {
            Instant last = lastObserved.get(seg.id());
            if (last == null) {
                continue;
            }
            String key = UNOBSERVED + ":" + seg.id();
            double gapSeconds = (now.toEpochMilli() - last.toEpochMilli()) / 1000.0;
            if (gapSeconds > seg.revisitSeconds()) {
                GeoPoint mid = seg.points().get(seg.points().size() / 2);
                sink.hold(new Condition(UNOBSERVED, key, seg.id(), null, now, mid.latitudeDeg(), mid.longitudeDeg(),
                        String.format(Locale.ROOT, "%s unobserved for %.1f h (revisit requirement %.1f h; last observed %s)",
                                seg.name(), gapSeconds / 3600, seg.revisitSeconds() / 3600, last)));
            } else {
                sink.clear(key);
            }
        }
    }

    /** Equirectangular distance to a polyline (segments in a local flat frame at the point): a cheap first filter. */
    private static double approxDistanceToPolylineMetres(double lat, double lon, List<GeoPoint> line) {
        double k = Math.cos(Math.toRadians(lat));
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < line.size(); i++) {
            double ax = (line.get(i).longitudeDeg() - lon) * k, ay = line.get(i).latitudeDeg() - lat;
            double bx = (line.get(i + 1).longitudeDeg() - lon) * k, by = line.get(i + 1).latitudeDeg() - lat;
            double dx = bx - ax, dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double px = ax + t * dx, py = ay + t * dy;
            best = Math.min(best, Math.sqrt(px * px + py * py));
        }
        return Math.toRadians(best) * 6_371_000;
    }

    /** Equirectangular distance, within 0.5 % of the geodesic at a few tens of kilometres: a cheap first filter. */
    private static double approxDistanceMetres(double lat, double lon, GeoPoint p) {
        double dLat = Math.toRadians(lat - p.latitudeDeg());
        double dLon = Math.toRadians(lon - p.longitudeDeg()) * Math.cos(Math.toRadians((lat + p.latitudeDeg()) / 2));
        return 6_371_000 * Math.sqrt(dLat * dLat + dLon * dLon);
    }
}
