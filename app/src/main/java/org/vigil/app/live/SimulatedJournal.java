package org.vigil.app.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vigil.sim.GeodeticScan;
import org.vigil.sim.GeodeticSimulation;
import org.vigil.sim.SimulationSettings;
import org.vigil.store.Journal;
import org.vigil.store.NewReport;
import org.vigil.theatre.Theatre;
import org.vigil.track.geo.GeodeticDetection;
import org.vigil.track.geo.GeodeticFrame;
import org.vigil.watch.Report;
import org.vigil.watch.ingest.ReportJson;

/**
 * Journals what {@code --simulate} would have fed over a past stretch of time, as fast as the
 * simulator runs rather than in real time: the same vehicles and sensor suite as
 * {@link SimulatorFeed}, each report journaled as JSON on channel {@code sim} with its own time as
 * its receive time. For benchmarks of journal replay ({@code vigil bench history}).
 */
public final class SimulatedJournal {

    private SimulatedJournal() {
    }

    /** Journals {@code span} of the simulated feed starting at {@code start}; returns the reports journaled. */
    public static long fill(Theatre theatre, Journal journal, int targets, long seed, Instant start, Duration span) {
        SimulationSettings settings = SimulationSettings.of(targets, span.toSeconds(), seed, 0, 0.9);
        GeodeticSimulation sim = GeodeticSimulation.overTheatre(theatre, GeodeticSimulation.DEFAULT_SITE_ID, settings,
                SimulatorFeed.sensors(settings));
        long count = 0;
        List<CompletableFuture<long[]>> pending = new ArrayList<>();
        while (sim.hasNext()) {
            GeodeticScan scan = sim.next();
            for (GeodeticFrame frame : scan.frames()) {
                if (frame.detections().isEmpty()) {
                    continue;
                }
                List<NewReport> rows = new ArrayList<>(frame.detections().size());
                for (GeodeticDetection d : frame.detections()) {
                    Instant t = start.plusNanos((long) (d.timeSeconds() * 1e9));
                    Report r = new Report(SimulatorFeed.sensorName(frame.sensorId()), t, d.latitudeDeg(), d.longitudeDeg(),
                            d.heightMetres().isPresent() ? d.heightMetres().getAsDouble() : Double.NaN,
                            SimulatorFeed.largestSigmaMetres(d), "ground", null);
                    rows.add(new NewReport(t, "sim", ReportJson.CONTENT_TYPE, ReportJson.encode(r)));
                }
                count += rows.size();
                pending.add(journal.append(rows));
            }
            if (pending.size() >= 256) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                pending.clear();
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return count;
    }
}
