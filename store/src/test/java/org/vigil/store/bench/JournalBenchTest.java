package org.vigil.store.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.Stores;

/** The benchmark harness runs and counts what it journaled (no timing is asserted). */
class JournalBenchTest {

    @Test
    void aSmallRunJournalsEveryReportAndReportsItsFigures(@TempDir Path dir) throws Exception {
        JournalBench.Settings s = JournalBench.parse(new String[] {"--reports", "3000", "--threads", "3",
                "--append-size", "4", "--in-flight", "8", "--body-bytes", "180"});
        try (Store store = Stores.open(dir, Optional.empty())) {
            String json = JournalBench.run(store, s, Optional.of(dir.resolve("vigil.db-wal")));
            assertThat(json).contains("\"reports\":3000,").contains("\"threads\":3,").contains("\"reportsPerSecond\":")
                    .contains("\"bodyBytes\":180,").contains("\"writerCpuUsPerReport\":").contains("\"walMaxBytes\":");
            long warmup = 300; // a tenth of the run
            assertThat(store.journal().lastId()).isEqualTo(warmup + 3000);
            assertThat(store.journal().stats().transactions()).isPositive();
        }
    }

    @Test
    void theDetectionIsAboutThreeHundredBytes() {
        assertThat(JournalBench.detection(7).length()).isBetween(250, 350);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> JournalBench.parse(new String[] {"--threads", "0"}))
                .hasMessage("option --threads must be at least 1, got 0");
        assertThatThrownBy(() -> JournalBench.parse(new String[] {"--rate"}))
                .hasMessage("option --rate needs a value");
    }
}
