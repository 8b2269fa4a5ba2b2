package org.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.Stores;
import org.vigil.watch.ingest.InvalidReportException;
import org.vigil.watch.ingest.ReportJson;
import org.vigil.watch.rules.AlertRules;

/** Bad reports are refused with the report, field and reason, and nothing of their batch is journaled. */
class IngestValidationTest {

    static final Instant NOW = Instant.now();

    static Report good(int i) {
        return new Report("drone-7", NOW.minusSeconds(10 - i), 50.1, 30.2 + i * 1e-4, Double.NaN, 25, "ground", "r" + i);
    }

    static InvalidReportException refusal(Pipeline p, Report bad) {
        try {
            p.ingest("http", List.of(good(0), bad, good(2))).join();
        } catch (CompletionException e) {
            return (InvalidReportException) e.getCause();
        }
        throw new AssertionError("accepted " + bad);
    }

    @Test
    void badFieldsAreRefusedWithTheirReasonAndNothingOfTheBatchIsJournaled(@TempDir Path dir) {
        try (Store store = Stores.open(dir, Optional.empty())) {
            Pipeline p = new Pipeline(PipelineEndToEndTest.THEATRE, store, AlertRules.defaults(), Clock.systemUTC(),
                    PipelineConfig.defaults()).start();
            Object[][] cases = {
                    {new Report("drone-7", NOW, 91, 30, Double.NaN, 25, "ground", null), "lat", "out of range"},
                    {new Report("drone-7", NOW, 50, -181, Double.NaN, 25, "ground", null), "lon", "out of range"},
                    {new Report("drone-7", NOW, Double.NaN, 30, Double.NaN, 25, "ground", null), "lat", "out of range"},
                    {new Report("drone-7", NOW, 50, 30, Double.NaN, 0, "ground", null), "sigmaM", "must be in"},
                    {new Report("drone-7", NOW, 50, 30, Double.NaN, -5, "ground", null), "sigmaM", "must be in"},
                    {new Report("drone-7", NOW, 50, 30, Double.NaN, 25, "tank", null), "kind", "not one of"},
                    {new Report(" ", NOW, 50, 30, Double.NaN, 25, "ground", null), "sensor", "blank"},
                    {new Report("drone-7", NOW.plusSeconds(3600), 50, 30, Double.NaN, 25, "ground", null), "time", "ahead"},
                    {new Report("drone-7", NOW, 50, 30, Double.POSITIVE_INFINITY, 25, "ground", null), "heightM", "finite"},
            };
            for (Object[] c : cases) {
                InvalidReportException e = refusal(p, (Report) c[0]);
                assertThat(e.index()).isEqualTo(1);
                assertThat(e.field()).isEqualTo(c[1]);
                assertThat(e.getMessage()).contains("report 1").contains("'" + c[1] + "'").contains((String) c[2]);
            }
            assertThat(store.journal().lastId()).isZero();
            assertThat(p.stats().rejected()).isEqualTo(cases.length);
            long[] ids = p.ingest("http", List.of(good(0), good(1))).join();
            assertThat(ids).containsExactly(1, 2);
            p.close();
        }
    }

    @Test
    void theJsonFormNamesTheBadReportAndField() {
        assertThatThrownBy(() -> ReportJson.parse(json("[{\"sensor\":\"a\",\"time\":\"2026-03-01T10:00:00Z\",\"lat\":1,\"lon\":2,\"sigmaM\":5},"
                + "{\"sensor\":\"a\",\"time\":\"yesterday\",\"lat\":1,\"lon\":2,\"sigmaM\":5}]")))
                .isInstanceOf(InvalidReportException.class).hasMessageContaining("report 1").hasMessageContaining("'time'");
        assertThatThrownBy(() -> ReportJson.parse(json("{\"sensor\":\"a\",\"time\":\"2026-03-01T10:00:00Z\",\"lat\":\"x\",\"lon\":2,\"sigmaM\":5}")))
                .hasMessageContaining("'lat'").hasMessageContaining("must be a number");
        assertThatThrownBy(() -> ReportJson.parse(json("{\"sensor\":\"a\",\"time\":\"2026-03-01T10:00:00Z\",\"lat\":1,\"lon\":2}")))
                .hasMessageContaining("'sigmaM'").hasMessageContaining("missing");
        assertThatThrownBy(() -> ReportJson.parse(json("{\"sensor\":\"a\",\"time\":\"2026-03-01T10:00:00Z\",\"lat\":1,\"lon\":2,\"sigma\":5}")))
                .hasMessageContaining("'sigma'").hasMessageContaining("unknown field");
        assertThatThrownBy(() -> ReportJson.parse(json("{not json"))).hasMessageContaining("'body'");
        Report r = ReportJson.parse(json("{\"sensor\":\"drone-7\",\"time\":\"2026-03-01T10:00:00Z\",\"lat\":47.51,\"lon\":34.58,"
                + "\"sigmaM\":25,\"kind\":\"ground\"}")).getFirst();
        assertThat(r).isEqualTo(new Report("drone-7", Instant.parse("2026-03-01T10:00:00Z"), 47.51, 34.58, Double.NaN, 25,
                "ground", null));
        assertThat(ReportJson.decode(ReportJson.encode(good(3)))).isEqualTo(good(3));
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
