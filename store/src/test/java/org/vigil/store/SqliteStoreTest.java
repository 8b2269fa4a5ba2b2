package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file in a fresh temporary folder per test. */
class SqliteStoreTest extends StoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected void prepareEmptyDatabase() {
        // @TempDir is new for every test.
    }

    @Override
    protected Store open(JournalOptions options) {
        return Stores.open(dataDir, Optional.empty(), options);
    }

    @Override
    protected AutoCloseable holdJournalWriteLock() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        return () -> {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            } finally {
                c.close();
            }
        };
    }

    @Override
    protected List<String> childArguments() {
        return List.of("sqlite", dataDir.toString());
    }

    @Test
    void theFileIsInWalModeWithFullSyncAndDescribedByItsPath() throws Exception {
        assertThat(store.describe()).isEqualTo("sqlite:" + dataDir.toAbsolutePath().resolve("vigil.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        // The other settings are per connection: read them from the store's own.
        try (Connection c = ((SqlStore) store).dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(pragma(s, "synchronous")).as("2 = FULL").isEqualTo(2);
            assertThat(pragma(s, "busy_timeout")).isEqualTo(10_000);
            assertThat(pragma(s, "wal_autocheckpoint")).isEqualTo(256);
        }
    }

    private static long pragma(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aMissingDataFolderIsCreated() {
        Path nested = dataDir.resolve("a/b/c");
        try (Store s = Stores.open(nested, Optional.empty())) {
            assertThat(nested.resolve("vigil.db")).exists();
            assertThat(s.journal().lastId()).isZero();
        }
    }
}
