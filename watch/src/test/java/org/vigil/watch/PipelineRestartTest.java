package org.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.StoredAlert;
import org.vigil.store.StoredTrack;
import org.vigil.store.Stores;
import org.vigil.watch.rules.AlertRules;

/** Ingest, close, reopen: the journal replays into the same tracks (same ids) and no second alert. */
class PipelineRestartTest {

    @Test
    void replayRebuildsTheSameTracksWithoutDuplicateAlerts(@TempDir Path dir) throws Exception {
        Instant start = Instant.now().minusSeconds(3000);
        List<Report> first = PipelineEndToEndTest.approach(start, "drone-7", 1);
        // a second vehicle, 170 km away, over the same hour, so that there are two tracks
        List<Report> second = new ArrayList<>();
        for (Report r : PipelineEndToEndTest.approach(start, "drone-9", 2)) {
            second.add(new Report("drone-9", r.time(), r.latDeg() - 1.5, r.lonDeg() + 3, Double.NaN, 20, "ground", r.uid()));
        }
        // Both vehicles in time order, as a live feed brings them. (Fed one vehicle's hour after the
        // other's, the second vehicle's reports were late or not depending on how far the tracker
        // had got through the first's when they came - thread timing - while replay, in id order,
        // always finds them late: live and replay then start the second track from different reports.)
        List<Report> both = new ArrayList<>(first);
        both.addAll(second);
        both.sort(java.util.Comparator.comparing(Report::time)); // stable: drone-7 before drone-9 at one time
        List<TrackView> before;
        List<StoredAlert> alertsBefore;
        long secondsFourthId = -1;
        try (Store store = Stores.open(dir, Optional.empty())) {
            Pipeline p = new Pipeline(PipelineEndToEndTest.THEATRE, store, AlertRules.defaults(), Clock.systemUTC(),
                    PipelineConfig.defaults()).start();
            for (int i = 0; i < both.size(); i += 25) {
                List<Report> chunk = both.subList(i, Math.min(both.size(), i + 25));
                long[] ids = p.ingest("http", chunk).join();
                for (int j = 0; j < chunk.size(); j++) {
                    if (chunk.get(j) == second.get(3)) {
                        secondsFourthId = ids[j];
                    }
                }
            }
            PipelineEndToEndTest.awaitFused(p, first.size() + second.size());
            before = p.tracks();
            p.close();
            alertsBefore = store.alerts().recent(10);
            assertThat(store.tracks().all()).extracting(StoredTrack::id)
                    .containsExactlyInAnyOrderElementsOf(before.stream().map(TrackView::id).toList());
        }
        assertThat(before).hasSize(2);
        assertThat(alertsBefore).hasSize(1);

        try (Store store = Stores.open(dir, Optional.empty())) {
            Pipeline p = new Pipeline(PipelineEndToEndTest.THEATRE, store, AlertRules.defaults(), Clock.systemUTC(),
                    PipelineConfig.defaults()).start();
            List<TrackView> after = p.tracks();
            assertThat(after).extracting(TrackView::id).containsExactlyElementsOf(before.stream().map(TrackView::id).toList());
            Map<String, TrackView> byId = after.stream().collect(Collectors.toMap(TrackView::id, Function.identity()));
            for (TrackView b : before) {
                TrackView a = byId.get(b.id());
                assertThat(a.latDeg()).isCloseTo(b.latDeg(), within(1e-4));
                assertThat(a.lonDeg()).isCloseTo(b.lonDeg(), within(1e-4));
                assertThat(a.updated()).isEqualTo(b.updated());
            }
            List<StoredAlert> alertsAfter = store.alerts().recent(10);
            assertThat(alertsAfter).hasSize(1);
            assertThat(alertsAfter.getFirst().id()).isEqualTo(alertsBefore.getFirst().id());
            assertThat(alertsAfter.getFirst().open()).isTrue();
            // the journal gives back the reports as they were ingested
            assertThat(p.report(secondsFourthId)).contains(second.get(3));
            // live ingest resumes: the vehicle keeps coming, the alert is not raised again
            Report last = first.getLast();
            List<Report> more = new ArrayList<>();
            for (int k = 1; k <= 20; k++) {
                more.add(new Report("drone-7", last.time().plusSeconds(k), last.latDeg(), last.lonDeg() + k * 15 / 69_600.0,
                        Double.NaN, 20, "ground", "drone-7-more-" + k));
            }
            p.ingest("http", more).join();
            PipelineEndToEndTest.awaitFused(p, more.size());
            assertThat(store.alerts().recent(10)).hasSize(1);
            assertThat(p.tracks()).extracting(TrackView::id).containsExactlyElementsOf(before.stream().map(TrackView::id).toList());
            p.close();
        }
    }
}
