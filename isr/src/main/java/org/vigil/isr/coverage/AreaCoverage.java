package org.vigil.isr.coverage;

import org.vigil.isr.model.Area;

/**
 * How well the plan watches one area over the horizon. A gap is a stretch of the horizon
 * (its start and end included) in which no task watches the area.
 *
 * @param maxGapSeconds  longest gap
 * @param meanGapSeconds mean length of the gaps (0 when there are none)
 * @param watchedFraction share of the horizon inside some task watching the area
 * @param satisfied      longest gap no longer than the revisit requirement (continuous: no gap at all)
 */
public record AreaCoverage(Area area, double maxGapSeconds, double meanGapSeconds, double watchedFraction, int looks,
                           boolean satisfied) {
}
