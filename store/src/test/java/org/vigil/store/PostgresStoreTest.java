package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server, found from {@code VIGIL_TEST_PG_URL}. Each
 * test gets an empty schema of its own ({@code currentSchema} in the URL), dropped and created
 * again before the test. Without the variable the tests are skipped, saying how to set it,
 * except under CI ({@code CI} set), where a missing server is a failure, not a silent skip.
 */
class PostgresStoreTest extends StoreContractTest {

    static final String HOW = "set VIGIL_TEST_PG_URL, e.g. "
            + "VIGIL_TEST_PG_URL='jdbc:postgresql://127.0.0.1:5432/vigil_test?user=vigil&password=vigil'"
            + " (as root, '. scripts/postgres-test.sh' installs and starts PostgreSQL and sets it)";
    private static final String SCHEMA = "vigil_store_test";

    private String baseUrl;
    private static boolean toldSkip;

    /** The server's URL, or the test is skipped (locally) or failed (under CI). */
    static String requirePostgresUrl() {
        Optional<String> url = env("VIGIL_TEST_PG_URL");
        if (url.isEmpty()) {
            if (env("CI").isPresent()) {
                fail("PostgreSQL store tests cannot run under CI: VIGIL_TEST_PG_URL is not set; " + HOW);
            }
            if (!toldSkip) {
                toldSkip = true;
                System.err.println("PostgreSQL store tests skipped: " + HOW);
            }
            Assumptions.abort("PostgreSQL store tests skipped: " + HOW);
        }
        return url.get();
    }

    static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private String url() {
        return withSchema(baseUrl, SCHEMA);
    }

    @Override
    protected void prepareEmptyDatabase() throws Exception {
        baseUrl = requirePostgresUrl();
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    @Override
    protected Store open(JournalOptions options) {
        return Stores.open(java.nio.file.Path.of("unused"), Optional.of(url()), options);
    }

    @Override
    protected AutoCloseable holdJournalWriteLock() throws Exception {
        Connection c = DriverManager.getConnection(url());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // EXCLUSIVE conflicts with the ROW EXCLUSIVE lock an INSERT takes, not with reads.
            s.execute("LOCK TABLE journal IN EXCLUSIVE MODE");
        }
        return () -> {
            try {
                c.commit();
            } finally {
                c.close();
            }
        };
    }

    @Override
    protected List<String> childArguments() {
        return List.of("postgresql", url());
    }

    @Test
    void theBatchedInsertPathKeepsAppendsWholeToo() {
        // The journal uses COPY on PostgreSQL; its INSERT path (kept for comparison) must hold the same contract.
        store.close();
        System.setProperty("vigil.store.pgCopy", "false");
        try {
            store = open(JournalOptions.DEFAULTS);
        } finally {
            System.clearProperty("vigil.store.pgCopy");
        }
        assertThat(store.journal().append(List.of(report("a"), report("b"))).join()).containsExactly(1, 2);
        NewReport refused = new NewReport(java.time.Instant.now(), "", "application/json", new byte[] {1});
        assertThat(store.journal().append(List.of(report("c"), refused))).failsWithin(java.time.Duration.ofSeconds(30))
                .withThrowableThat().withCauseInstanceOf(StoreException.class).withMessageContaining("check constraint");
        assertThat(store.journal().append(List.of(report("d"))).join()).containsExactly(3);
        List<String> bodies = new java.util.ArrayList<>();
        store.journal().replay(0, e -> bodies.add(body(e)));
        assertThat(bodies).containsExactly("a", "b", "d");
    }

    @Test
    void commitsWaitForTheWalFlushWhateverTheServerDefault() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + org.postgresql.Driver.parseURL(baseUrl, new java.util.Properties())
                    .getProperty("user") + " SET synchronous_commit = off");
        }
        try (Store reopened = open(JournalOptions.DEFAULTS);
             Connection c = ((SqlStore) reopened).dataSource().getConnection();
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
        } finally {
            try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                s.execute("ALTER ROLE " + org.postgresql.Driver.parseURL(baseUrl, new java.util.Properties())
                        .getProperty("user") + " RESET synchronous_commit");
            }
        }
    }

    @Test
    void aSchemaNamedInTheUrlIsCreatedWhenMissing() throws Exception {
        String other = SCHEMA + "_created";
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + other + " CASCADE");
        }
        try (Store created = Stores.open(java.nio.file.Path.of("unused"), Optional.of(withSchema(baseUrl, other)))) {
            assertThat(created.journal().append(List.of(report("x"))).join()).containsExactly(1);
        }
        assertThat(store.journal().lastId()).as("the test's own schema is untouched").isZero();
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + other + " CASCADE");
        }
    }

    @Test
    void theDescriptionNamesTheDatabaseButNeverThePassword() {
        java.util.Properties p = org.postgresql.Driver.parseURL(baseUrl, new java.util.Properties());
        // Exactly user, host, port, database and schema: nothing else of the URL can leak.
        assertThat(store.describe()).isEqualTo("postgresql://" + p.getProperty("user") + "@" + p.getProperty("PGHOST")
                + ":" + p.getProperty("PGPORT") + "/" + p.getProperty("PGDBNAME") + "?currentSchema=" + SCHEMA);
        String secret = Stores.describePostgres(org.postgresql.Driver.parseURL(
                "jdbc:postgresql://db.example:6543/ops?user=watch&password=s3cr3t-pw&ssl=true", new java.util.Properties()));
        assertThat(secret).isEqualTo("postgresql://watch@db.example:6543/ops");
    }
}
