package org.vigil.cot.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CotEventTest {

    private static CotEvent ofType(String type) {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        return CotEvent.of("u", type, "m-g", t, t.plusSeconds(60), new CotPoint(48, 30, 0, 10, 10), new Detail(List.of()));
    }

    @Test
    void isAMatchesWholeStepsOfTheTypeTree() {
        CotEvent vehicle = ofType("a-h-G-E-V");
        assertThat(vehicle.isA("a-h-G")).isTrue();
        assertThat(vehicle.isA("a-h-G-E-V")).isTrue();
        assertThat(vehicle.isA("a")).isTrue();
        assertThat(vehicle.isA("a-h-G-E-V-C")).isFalse();
        assertThat(vehicle.isA("a-h-G-E-")).isFalse();
        assertThat(ofType("a-h-GX").isA("a-h-G")).isFalse(); // a step is whole, not a prefix of one
    }
}
