package org.vigil.cot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cot.event.CotEvent;
import org.vigil.cot.event.CotPoint;
import org.vigil.cot.event.Detail;

class SendQueueTest {

    private static RoutedEvent event(String uid, String type) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new RoutedEvent(CotEvent.of(uid, type, "m-g", now, now.plus(Duration.ofMinutes(1)),
                new CotPoint(48, 30, 0, 10, 10), new Detail(List.of())), null, null);
    }

    private static List<String> drain(SendQueue q) {
        List<String> out = new ArrayList<>();
        for (RoutedEvent e; (e = q.poll()) != null; ) {
            out.add(e.event().uid());
        }
        return out;
    }

    @Test
    void aFullQueueDropsTheOldestPositionReportAndKeepsAlertsInOrder() {
        SendQueue q = new SendQueue(4);
        assertThat(q.add(event("alert-1", "b-a-o-tbl"))).isFalse();
        assertThat(q.add(event("track-1", "a-h-G"))).isFalse();
        assertThat(q.add(event("alert-2", "b-a-o-tbl"))).isFalse();
        assertThat(q.add(event("track-2", "a-h-G"))).isFalse();
        assertThat(q.add(event("track-3", "a-h-G"))).isTrue(); // track-1 goes
        assertThat(q.add(event("gone-1", "t-x-d-d"))).isTrue(); // track-2 goes
        assertThat(q.size()).isEqualTo(4);
        assertThat(drain(q)).containsExactly("alert-1", "alert-2", "track-3", "gone-1");
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void withNoPositionReportLeftTheOldestEventGoes() {
        SendQueue q = new SendQueue(2);
        q.add(event("alert-1", "b-a-o-tbl"));
        q.add(event("alert-2", "b-a-o-tbl"));
        assertThat(q.add(event("alert-3", "b-a-o-tbl"))).isTrue();
        assertThat(drain(q)).containsExactly("alert-2", "alert-3");
    }

    /**
     * A client that never reads: 100,000 events through a queue of 1,000, one alert in ten. Each
     * track that arrives pushes out the one before it, so the queue ends as the newest 999 alerts,
     * oldest first, and the newest track.
     */
    @Test
    void aClientThatNeverReadsKeepsItsNewestAlertsAndTheNewestTrack() {
        SendQueue q = new SendQueue(1_000);
        for (int i = 0; i < 100_000; i++) {
            q.add(i % 10 == 0 ? event("alert-" + i, "b-a-o-tbl") : event("track-" + i, "a-h-G"));
        }
        List<String> out = drain(q);
        assertThat(out).hasSize(1_000);
        assertThat(out.getFirst()).isEqualTo("alert-" + (99_990 - 10 * 998));
        assertThat(out.get(998)).isEqualTo("alert-99990");
        assertThat(out.getLast()).isEqualTo("track-99999");
        assertThat(out.subList(0, 999)).allMatch(uid -> uid.startsWith("alert-"));
    }
}
