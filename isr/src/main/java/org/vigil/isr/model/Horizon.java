package org.vigil.isr.model;

import java.time.Duration;
import java.time.Instant;

/** The planning horizon, cut into equal slots (default 10 minutes). */
public record Horizon(Instant start, int slots, Duration slot) {

    public static final Duration DEFAULT_SLOT = Duration.ofMinutes(10);

    public Horizon {
        if (slots < 1) {
            throw new IllegalArgumentException("the horizon needs at least one slot");
        }
    }

    public static Horizon of(Instant start, Duration length) {
        long n = length.toSeconds() / DEFAULT_SLOT.toSeconds();
        return new Horizon(start, (int) n, DEFAULT_SLOT);
    }

    public Instant end() {
        return slotStart(slots);
    }

    public Instant slotStart(int k) {
        return start.plusSeconds(k * slot.toSeconds());
    }

    /** The slot holding an instant (may be outside [0, slots)). */
    public int slotOf(Instant t) {
        return (int) Math.floorDiv(Duration.between(start, t).toSeconds(), slot.toSeconds());
    }

    public double slotSeconds() {
        return slot.toSeconds();
    }
}
