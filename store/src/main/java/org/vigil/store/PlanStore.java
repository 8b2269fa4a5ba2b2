package org.vigil.store;

import java.time.Instant;
import java.util.Optional;

/** Plans made by the planners, kept so that the API can serve the latest of each kind. */
public interface PlanStore {

    StoredPlan save(String kind, Instant created, String json);

    Optional<StoredPlan> latest(String kind);
}
