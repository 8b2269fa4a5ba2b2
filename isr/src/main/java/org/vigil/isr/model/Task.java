package org.vigil.isr.model;

import java.time.Instant;
import java.util.List;

/**
 * One collection: an asset watching areas from start to end. For aircraft and drones it
 * is the time on station (transits excluded); for a satellite, the span of one access
 * window in which its sensor sees the area.
 */
public record Task(String asset, TaskKind kind, Instant start, Instant end, List<String> areas) {
    public Task {
        areas = List.copyOf(areas);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("task of " + asset + " ends before it starts");
        }
    }
}
