package org.vigil.isr.orbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.isr.check.IndependentSgp4;
import org.vigil.isr.io.SatelliteCatalogue;

/**
 * Passes found with Orekit (elevation detectors on a topocentric frame, ITRF without EOP)
 * against satellite.js (Vallado's SGP4, GMST rotation, its own geodetic observer): every
 * sample satellite over Kyiv for 24 h from the newest epoch. Rise and set within 5 s,
 * maximum elevation within 0.1°; a pass only one side finds must be grazing (its maximum
 * within 0.1° of the minimum elevation).
 */
class PassesVsSatelliteJsTest {

    static final double LAT = 50.45, LON = 30.52, MIN_ELEVATION_DEG = 10;

    @Test
    void orekitPassesMatchSatelliteJs() throws Exception {
        List<TleEntry> tles = SatelliteCatalogue.bundledTles();
        Instant start = Instant.parse("2024-10-05T06:00:00Z");
        List<Pass> ours = new ArrayList<>();
        List<Map<String, Object>> sats = new ArrayList<>();
        for (TleEntry e : tles) {
            ours.addAll(PassFinder.passes(e, LAT, LON, start, Duration.ofHours(24), MIN_ELEVATION_DEG));
            sats.add(Map.of("satnum", e.satnum(), "tle1", e.tle().getLine1(), "tle2", e.tle().getLine2()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("lat", LAT);
        request.put("lon", LON);
        request.put("start", start.toString());
        request.put("hours", 24);
        request.put("minElevationDeg", MIN_ELEVATION_DEG);
        request.put("satellites", sats);
        List<JsonNode> theirs = IndependentSgp4.run("passes", request);

        assertThat(ours).hasSizeGreaterThan(40);
        double worstRise = 0, worstSet = 0, worstEl = 0;
        int matched = 0;
        List<JsonNode> unmatchedTheirs = new ArrayList<>(theirs);
        for (Pass p : ours) {
            JsonNode m = null;
            for (JsonNode t : unmatchedTheirs) {
                if (t.get("satnum").asInt() == p.satnum()
                        && Math.abs(Duration.between(Instant.parse(t.get("rise").asText()), p.rise()).toMillis()) < 120_000) {
                    m = t;
                    break;
                }
            }
            if (m == null) {
                assertThat(p.maxElevationDeg()).as("pass of %d at %s found only by Orekit", p.satnum(), p.rise())
                        .isLessThan(MIN_ELEVATION_DEG + 0.1);
                continue;
            }
            unmatchedTheirs.remove(m);
            matched++;
            double dr = Math.abs(Duration.between(Instant.parse(m.get("rise").asText()), p.rise()).toMillis()) / 1000.0;
            double ds = Math.abs(Duration.between(Instant.parse(m.get("set").asText()), p.set()).toMillis()) / 1000.0;
            double de = Math.abs(m.get("maxElevationDeg").asDouble() - p.maxElevationDeg());
            worstRise = Math.max(worstRise, dr);
            worstSet = Math.max(worstSet, ds);
            worstEl = Math.max(worstEl, de);
            assertThat(dr).as("rise of %d at %s", p.satnum(), p.rise()).isLessThanOrEqualTo(5);
            assertThat(ds).as("set of %d at %s", p.satnum(), p.set()).isLessThanOrEqualTo(5);
            assertThat(de).as("max elevation of %d at %s", p.satnum(), p.culmination()).isLessThanOrEqualTo(0.1);
        }
        for (JsonNode t : unmatchedTheirs) {
            assertThat(t.get("maxElevationDeg").asDouble()).as("pass found only by satellite.js: %s", t)
                    .isLessThan(MIN_ELEVATION_DEG + 0.1);
        }
        System.out.printf(Locale.ROOT, "Passes over Kyiv, 24 h, 20 satellites: %d Orekit, %d satellite.js, %d matched;"
                + " worst rise %.3f s, set %.3f s, max elevation %.4f deg%n", ours.size(), theirs.size(), matched, worstRise, worstSet, worstEl);
        assertThat(matched).isGreaterThan(40);
    }
}
