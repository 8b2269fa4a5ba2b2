package org.vigil.watch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.theatre.Theatre;
import org.vigil.theatre.geo.GeoPoint;
import org.vigil.theatre.geo.Geodesy;
import org.vigil.theatre.io.TheatreLoader;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;

/** Each rule fires when it should and not otherwise, on the bundled theatre and default rules. */
class RuleEngineTest {

    static final Theatre THEATRE = TheatreLoader.bundledUkraine();
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** Records what holds, like the alert book does. */
    static final class Book implements ConditionSink {
        final Map<String, Condition> holding = new LinkedHashMap<>();
        final List<String> raised = new ArrayList<>();
        final List<String> cleared = new ArrayList<>();

        @Override
        public void hold(Condition c) {
            if (holding.putIfAbsent(c.key(), c) == null) {
                raised.add(c.key());
            }
        }

        @Override
        public void clear(String key) {
            if (holding.remove(key) != null) {
                cleared.add(key);
            }
        }
    }

    final RuleEngine engine = new RuleEngine(THEATRE, AlertRules.defaults());
    final Book book = new Book();

    static GeoPoint site(String id) {
        return THEATRE.site(id).orElseThrow().location();
    }

    static TrackView track(String id, GeoPoint p, String kind) {
        return new TrackView(id, p.latitudeDeg(), p.longitudeDeg(), 10, 90, 20, T0, kind);
    }

    static TrackView near(String id, String siteId, double km, String kind) {
        return track(id, Geodesy.destination(site(siteId), 250, km * 1000), kind);
    }

    @Test
    void proximityToANuclearStationHoldsWithin15KmAndClearsBeyondTheMargin() {
        engine.trackChanged(near("T1", "npp-rivne", 16, "ground"), book);
        assertThat(book.raised).isEmpty();
        engine.trackChanged(near("T1", "npp-rivne", 14.5, "ground"), book);
        assertThat(book.raised).containsExactly("proximity:npp-rivne:T1");
        Condition c = book.holding.get("proximity:npp-rivne:T1");
        assertThat(c.rule()).isEqualTo("proximity");
        assertThat(c.siteId()).isEqualTo("npp-rivne");
        assertThat(c.trackId()).isEqualTo("T1");
        engine.trackChanged(near("T1", "npp-rivne", 13, "ground"), book);
        engine.trackChanged(near("T1", "npp-rivne", 16, "ground"), book); // inside the 10 % margin: holds
        assertThat(book.raised).hasSize(1);
        assertThat(book.cleared).isEmpty();
        engine.trackChanged(near("T1", "npp-rivne", 17, "ground"), book);
        assertThat(book.cleared).containsExactly("proximity:npp-rivne:T1");
    }

    @Test
    void otherProtectedKindsUseTheirOwnRadiusAndCitiesAreNotGuarded() {
        String port = THEATRE.sites().stream().filter(s -> s.kind().code().equals("port") && s.isGovernmentControlled())
                .findFirst().orElseThrow().id();
        engine.trackChanged(near("T2", port, 4, "ground"), book);
        assertThat(book.raised).noneMatch(k -> k.contains(port));
        engine.trackChanged(near("T2", port, 2.5, "ground"), book);
        assertThat(book.raised).contains("proximity:" + port + ":T2");
        String kyiv = THEATRE.sites().stream().filter(s -> s.kind().code().equals("city") && s.name().contains("Kyiv"))
                .findFirst().orElseThrow().id();
        engine.trackChanged(near("T3", kyiv, 0.5, "ground"), book);
        assertThat(book.raised).noneMatch(k -> k.endsWith(":T3"));
    }

    @Test
    void occupiedSitesAreNotGuardedButAnAirTrackOverAnyNuclearStationIs() {
        engine.trackChanged(near("T4", "npp-zaporizhzhia", 2, "ground"), book);
        assertThat(book.raised).isEmpty();
        engine.trackChanged(near("T5", "npp-zaporizhzhia", 2, "air"), book);
        assertThat(book.raised).containsExactly("air-over-npp:npp-zaporizhzhia:T5");
        assertThat(book.holding.get("air-over-npp:npp-zaporizhzhia:T5").rule()).isEqualTo("air-over-npp");
    }

    @Test
    void airOverNuclearNeedsAnAirTrackWithin3Km() {
        engine.trackChanged(near("T6", "npp-khmelnytskyi", 1, "ground"), book);
        assertThat(book.raised).containsExactly("proximity:npp-khmelnytskyi:T6");
        engine.trackChanged(near("T7", "npp-khmelnytskyi", 4, "air"), book);
        assertThat(book.raised).doesNotContain("air-over-npp:npp-khmelnytskyi:T7");
        engine.trackChanged(near("T7", "npp-khmelnytskyi", 2, "air"), book);
        assertThat(book.raised).contains("air-over-npp:npp-khmelnytskyi:T7");
        engine.trackDeleted("T7", book);
        assertThat(book.cleared).contains("air-over-npp:npp-khmelnytskyi:T7", "proximity:npp-khmelnytskyi:T7");
    }

    /** A point 10 km either side of the middle of the contact line: [occupied side, government side]. */
    static GeoPoint[] sides() {
        List<GeoPoint> line = THEATRE.contactLine();
        GeoPoint mid = line.get(line.size() / 2);
        GeoPoint east = Geodesy.destination(mid, 90, 10_000), west = Geodesy.destination(mid, 270, 10_000);
        assertThat(THEATRE.isOccupied(east)).isNotEqualTo(THEATRE.isOccupied(west));
        return THEATRE.isOccupied(east) ? new GeoPoint[] {east, west} : new GeoPoint[] {west, east};
    }

    @Test
    void crossingTheLineOfContactWestwardHoldsOnceAndEastwardDoesNot() {
        GeoPoint[] s = sides();
        engine.trackChanged(track("T8", s[0], "ground"), book);
        assertThat(book.raised).isEmpty();
        engine.trackChanged(track("T8", s[1], "ground"), book);
        assertThat(book.raised).containsExactly("crossing:T8");
        engine.trackChanged(track("T8", s[1], "ground"), book);
        assertThat(book.raised).hasSize(1);
        // the other way round is no alert
        engine.trackChanged(track("T9", s[1], "ground"), book);
        engine.trackChanged(track("T9", s[0], "ground"), book);
        assertThat(book.raised).doesNotContain("crossing:T9");
    }

    @Test
    void aTrackOnTheLineItselfDoesNotFlipSides() {
        GeoPoint[] s = sides();
        GeoPoint onLine = THEATRE.contactLine().get(THEATRE.contactLine().size() / 2);
        engine.trackChanged(track("T10", s[0], "ground"), book);
        engine.trackChanged(track("T10", onLine, "ground"), book);
        engine.trackChanged(track("T10", s[0], "ground"), book);
        assertThat(book.raised).isEmpty();
    }

    @Test
    void massingHoldsAboveTheLimitInOneCellAndClearsWhenTheyDisperse() throws Exception {
        var h3 = com.uber.h3core.H3Core.newInstance();
        var c6 = h3.cellToLatLng(h3.latLngToCell(50.0, 36.0, 6));
        GeoPoint centre = new GeoPoint(c6.lat, c6.lng);
        List<TrackView> picture = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            picture.add(track("M" + i, Geodesy.destination(centre, i * 27.0, 300), "ground"));
        }
        engine.massing(picture.subList(0, 12), T0, book);
        assertThat(book.raised).isEmpty();
        engine.massing(picture, T0, book);
        assertThat(book.raised).hasSize(1);
        Condition c = book.holding.values().iterator().next();
        assertThat(c.rule()).isEqualTo("massing");
        assertThat(c.key()).startsWith("massing:86"); // an H3 resolution-6 cell index
        assertThat(c.message()).contains("13 tracks");
        engine.massing(picture, T0.plusSeconds(5), book);
        assertThat(book.raised).hasSize(1);
        engine.massing(picture.subList(0, 12), T0.plusSeconds(10), book);
        assertThat(book.cleared).hasSize(1);
    }

    @Test
    void aBorderSegmentUnobservedPastItsRevisitHoldsUntilAReportNearItArrives() {
        engine.startBorderWatch(T0);
        engine.borderWatch(T0.plusSeconds(5 * 3600), book);
        assertThat(book.raised).isEmpty();
        engine.borderWatch(T0.plusSeconds(7 * 3600), book);
        assertThat(book.raised).containsExactly("unobserved:border-blr-east");
        assertThat(book.holding.get("unobserved:border-blr-east").siteId()).isEqualTo("border-blr-east");
        // a report 30 km from the segment does not count; one 10 km from it does
        GeoPoint onSegment = new GeoPoint(51.4785, 29.9865);
        GeoPoint far = Geodesy.destination(onSegment, 180, 30_000);
        GeoPoint close = Geodesy.destination(onSegment, 180, 10_000);
        Instant t = T0.plusSeconds(7 * 3600 + 60);
        engine.reportAccepted(new Report("op-1", t, far.latitudeDeg(), far.longitudeDeg(), Double.NaN, 20, "unknown", null));
        engine.borderWatch(t.plusSeconds(1), book);
        assertThat(book.cleared).isEmpty();
        engine.reportAccepted(new Report("op-1", t, close.latitudeDeg(), close.longitudeDeg(), Double.NaN, 20, "unknown", null));
        engine.borderWatch(t.plusSeconds(1), book);
        assertThat(book.cleared).containsExactly("unobserved:border-blr-east");
        // the 12-hour segments come due later
        engine.borderWatch(T0.plusSeconds(13 * 3600), book);
        assertThat(book.raised).contains("unobserved:border-blr-west", "unobserved:border-mda-transnistria");
    }

    @Test
    void aRulesFileOverridesOnlyWhatItNames(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, "proximity:\n  radiusKm:\n    nuclear_power_station: 20\nmassing:\n  maxTracks: 3\n");
        AlertRules r = AlertRules.load(f);
        assertThat(r.proximity().radiusMetresByKind().get(org.vigil.theatre.site.SiteKind.NUCLEAR_POWER_STATION)).isEqualTo(20_000);
        assertThat(r.proximity().radiusMetresByKind().get(org.vigil.theatre.site.SiteKind.PORT)).isEqualTo(3_000);
        assertThat(r.massing().maxTracks()).isEqualTo(3);
        assertThat(r.borderWatch().segments()).hasSize(3);
        RuleEngine e = new RuleEngine(THEATRE, r);
        e.trackChanged(near("T1", "npp-rivne", 18, "ground"), book);
        assertThat(book.raised).containsExactly("proximity:npp-rivne:T1");
    }

    @Test
    void aBadRulesFileNamesTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, "proximity:\n  radiusKm:\n    nuclear_power_station: -2\n");
        assertThatThrownBy(() -> AlertRules.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules.yaml").hasMessageContaining("proximity.radiusKm.nuclear_power_station")
                .hasMessageContaining("positive");
        Files.writeString(f, "proximity:\n  radiusKm:\n    castle: 2\n");
        assertThatThrownBy(() -> AlertRules.load(f)).hasMessageContaining("unknown site kind");
        Files.writeString(f, "proximty:\n  enabled: false\n");
        assertThatThrownBy(() -> AlertRules.load(f)).hasMessageContaining("'proximty'").hasMessageContaining("unknown rule");
        Files.writeString(f, "borderWatch:\n  segments:\n    - id: a\n      revisitHours: 1\n      points: [[51, 30]]\n");
        assertThatThrownBy(() -> AlertRules.load(f)).hasMessageContaining("borderWatch.segments[0].points");
    }
}
