package org.vigil.store;

import java.time.Instant;

/** A plan as stored: {@code kind} is {@code posture} or {@code isr}; the plan itself is JSON text. */
public record StoredPlan(long id, String kind, Instant created, String json) {
}
