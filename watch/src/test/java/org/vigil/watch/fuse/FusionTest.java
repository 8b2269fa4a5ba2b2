package org.vigil.watch.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.track.TrackerConfiguration;
import org.vigil.track.geo.LocalTangentPlane;
import org.vigil.watch.Report;
import org.vigil.watch.TrackView;

/** The tracker as the pipeline runs it: confirmation, ids, late reports, coasting. */
class FusionTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final Fusion fusion = new Fusion(TrackerConfiguration.defaults().withParallel(false),
            new LocalTangentPlane(48.5, 31, 150), 150, Duration.ofMillis(50), Duration.ofSeconds(1), 2000,
            Instant.parse("2020-01-01T00:00:00Z"));

    static Fusion.Input report(long id, double seconds, double lat, double lon) {
        return new Fusion.Input(id, new Report("s1", T0.plusMillis((long) (seconds * 1000)), lat, lon, Double.NaN, 20,
                "ground", "u" + id), 0);
    }

    /** A vehicle driving north at 10 m/s from (50.0, 30.0): its position at t s. */
    static double lat(double t) {
        return 50.0 + 10 * t / 111_320.0;
    }

    @Test
    void aTrackIsConfirmedAtItsSecondReportAndNamedAfterItsFirst() {
        fusion.process(List.of(report(41, 0, lat(0), 30.0)));
        assertThat(fusion.picture()).isEmpty();
        List<Fusion.Outcome> o = fusion.process(List.of(report(42, 1, lat(1), 30.0)));
        assertThat(fusion.picture()).extracting(TrackView::id).containsExactly("T41");
        assertThat(o.getFirst().changed()).hasSize(1);
        assertThat(o.getFirst().changed().getFirst().provenance().journalId()).isEqualTo(42);
        for (int k = 2; k < 30; k++) {
            fusion.process(List.of(report(41 + k, k, lat(k), 30.0)));
        }
        TrackView t = fusion.picture().getFirst();
        assertThat(t.id()).isEqualTo("T41");
        assertThat(t.speedMps()).isBetween(8.0, 12.0);
        assertThat(t.courseDeg() < 10 || t.courseDeg() > 350).isTrue();
        assertThat(t.updated()).isEqualTo(T0.plusSeconds(29));
    }

    @Test
    void aReportMoreThanTheLagBehindIsCountedLateAndNotFused() {
        for (int k = 0; k < 5; k++) {
            fusion.process(List.of(report(k + 1, k, lat(k), 30.0)));
        }
        List<Fusion.Outcome> o = fusion.process(List.of(report(10, 2.5, lat(2.5), 30.0), report(11, 3.5, lat(3.5), 30.0)));
        assertThat(o.getFirst().late()).isEqualTo(1); // 2.5 s is 1.5 s behind the tracker's 4 s; 3.5 s is within the lag
        assertThat(fusion.lateReports()).isEqualTo(1);
    }

    @Test
    void aSilentTrackEndsWithinMinutesWhileOthersKeepTheTrackerTimeMoving() {
        for (int k = 0; k < 10; k++) {
            fusion.process(List.of(report(k + 1, k, lat(k), 30.0), report(100 + k, k, lat(k), 31.0)));
        }
        assertThat(fusion.picture()).hasSize(2);
        int goneAt = -1;
        for (int k = 10; k < 400 && goneAt < 0; k++) {
            List<Fusion.Outcome> o = fusion.process(List.of(report(1000 + k, k, lat(k), 31.0)));
            if (o.stream().anyMatch(x -> x.deleted().stream().anyMatch(d -> d.id().equals("T1")))) {
                goneAt = k;
            }
        }
        assertThat(goneAt).isBetween(30, 240);
        assertThat(fusion.picture()).extracting(TrackView::id).containsExactly("T100");
    }

    @Test
    void reportsOfOneBatchSpanningSecondsAreFusedAsSeparateScansInTimeOrder() {
        List<Fusion.Input> batch = new java.util.ArrayList<>();
        for (int k = 9; k >= 0; k--) {
            batch.add(report(k + 1, k, lat(k), 30.0));
        }
        List<Fusion.Outcome> o = fusion.process(batch);
        assertThat(o).hasSize(10);
        assertThat(fusion.picture()).extracting(TrackView::id).containsExactly("T1");
        assertThat(fusion.scans()).isEqualTo(10);
    }
}
