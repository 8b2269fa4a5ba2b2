package org.vigil.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/**
 * Opens the store: a SQLite file {@code DATA_DIR/vigil.db} by default, or PostgreSQL when
 * given a {@code jdbc:postgresql:} URL (user and password may sit in its query,
 * {@code ?user=U&password=P}). Opening creates what is missing (folder, file, tables) and
 * migrates the schema with Flyway; the same migrations serve both databases.
 *
 * <p>Whatever is wrong with the location given (a URL that is not PostgreSQL's, a server that
 * does not answer or refuses the login, a file that is not a SQLite database, a schema newer
 * than this build) is reported as an {@link IllegalArgumentException} whose message is one
 * line naming the place (never its password) and the reason.
 */
public final class Stores {

    /** Where Flyway finds the migrations: a package path of our own, not the shared db/migration. */
    static final String MIGRATIONS = "classpath:org/vigil/store/migration";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    /** How long a SQLite writer waits for another connection's write lock before failing. */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    /** SQLite's page size for new files (and its default); bounds the WAL in bytes from pages. */
    private static final int SQLITE_PAGE_BYTES = 4_096;
    /** Each page in the WAL carries a 24-byte frame header. */
    private static final int WAL_FRAME_HEADER_BYTES = 24;

    private Stores() {
    }

    /**
     * Opens the store with the default journal options.
     *
     * @param dataDir the folder of the SQLite file (created if missing); unused with a URL
     * @param jdbcUrl a {@code jdbc:postgresql:} URL, or empty for SQLite
     * @throws IllegalArgumentException when the location is unusable (one-line message)
     */
    public static Store open(Path dataDir, Optional<String> jdbcUrl) {
        return open(dataDir, jdbcUrl, JournalOptions.DEFAULTS);
    }

    /** As {@link #open(Path, Optional)}, with the journal's group commit tuned by {@code options}. */
    public static Store open(Path dataDir, Optional<String> jdbcUrl, JournalOptions options) {
        if (jdbcUrl.isPresent()) {
            return openPostgres(jdbcUrl.get(), options);
        }
        return openSqlite(dataDir, options, WalCheckpointer.Policy.DEFAULTS);
    }

    /** The SQLite store with its WAL checkpointed as {@code checkpoints} says (tests shrink the bound). */
    static Store openSqlite(Path dataDir, JournalOptions options, WalCheckpointer.Policy checkpoints) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create data directory " + dir + ": " + Sql.oneLine(e));
        }
        Path file = dir.resolve("vigil.db");
        String description = "sqlite:" + file;
        SQLiteConfig sqlite = new SQLiteConfig();
        // WAL: readers (API, replay) never block the journal's writer, and a commit appends to
        // the log instead of rewriting pages.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL, not WAL's usual NORMAL: under NORMAL a commit is not synced to disk, so a power
        // cut or OS crash can lose transactions that were already committed, i.e. reports we
        // acknowledged. FULL fsyncs the WAL at every commit; group commit makes that one fsync
        // per batch, not per report.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // Writers (journal, alerts, tracks) wait for one another instead of failing SQLITE_BUSY.
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // Take the write lock when a transaction begins, so the busy timeout always applies
        // (a deferred transaction that upgrades from read to write can fail at once in WAL).
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // No commit checkpoints the WAL itself: SQLite's auto-checkpoint would copy the log into
        // the database file and fsync it inside the commit that passes the threshold, i.e. on
        // the journal's writer thread, which every acknowledgement waits for (it was about 40%
        // of that thread's time, by profile). WalCheckpointer does it on a thread of its own and
        // keeps the log bounded; journal_size_limit shrinks the file back to that bound when the
        // log restarts after a reader of an old snapshot made it outgrow it.
        sqlite.setWalAutocheckpoint(0);
        sqlite.setJournalSizeLimit(Math.toIntExact(Math.min(Integer.MAX_VALUE,
                (long) checkpoints.restartPages() * (SQLITE_PAGE_BYTES + WAL_FRAME_HEADER_BYTES))));
        // sqlite-jdbc would otherwise follow every INSERT with a regular expression over its SQL
        // and a SELECT last_insert_rowid() query, for getGeneratedKeys(), which nothing here
        // calls (ids come from the journal's writer or from RETURNING).
        sqlite.setGetGeneratedKeys(false);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("vigil-sqlite");
        String url = "jdbc:sqlite:" + file;
        pool.setJdbcUrl(url);
        pool.setDataSourceProperties(sqlite.toProperties());
        // SQLite has one writer at a time anyway; a few connections serve concurrent readers,
        // one more is the journal writer's own (it keeps it, with its prepared INSERTs).
        pool.setMaximumPoolSize(5);
        return start(pool, Dialect.SQLITE, Optional.empty(), description, options,
                Optional.of(() -> new WalCheckpointer(() -> sqlite.createConnection(url), checkpoints)));
    }

    private static Store openPostgres(String url, JournalOptions options) {
        if (!url.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException("unsupported database URL '" + scheme(url)
                    + "...': expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=U&password=P]"
                    + " (or no URL for the SQLite file in the data directory)");
        }
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("cannot parse PostgreSQL URL '" + scheme(url)
                    + "...': expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=U&password=P]");
        }
        String description = describePostgres(parsed);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("vigil-postgresql");
        pool.setJdbcUrl(url);
        // Defaults the URL may override (pgjdbc lets URL parameters win over these properties).
        // reWriteBatchedInserts: a JDBC batch of INSERTs (track upserts; journal rows when COPY
        // is switched off) goes as multi-row INSERTs, far fewer round trips per transaction.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        pool.addDataSourceProperty("connectTimeout", "5");
        // A commit returns only once its WAL is flushed, whatever the server's default: the
        // journal acknowledges reports on commit, so it must not be asynchronous.
        pool.addDataSourceProperty("options", "-c synchronous_commit=on");
        pool.addDataSourceProperty("ApplicationName", "vigil");
        pool.setMaximumPoolSize(8);
        pool.setConnectionTimeout(10_000);
        // A schema named in the URL (currentSchema) is created by the migration if missing.
        Optional<String> schema = Optional.ofNullable(parsed.getProperty("currentSchema"))
                .map(String::strip).filter(x -> !x.isEmpty() && !x.contains(","));
        return start(pool, Dialect.POSTGRESQL, schema, description, options, Optional.empty());
    }

    /** {@code postgresql://user@host:port/db}: enough to recognise the database, never the password. */
    static String describePostgres(Properties parsed) {
        StringBuilder s = new StringBuilder("postgresql://");
        String user = parsed.getProperty("user");
        if (user != null && !user.isEmpty()) {
            s.append(user).append('@');
        }
        String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
        String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
        for (int i = 0; i < hosts.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(hosts[i]).append(':').append(i < ports.length ? ports[i] : ports[ports.length - 1]);
        }
        s.append('/').append(parsed.getProperty("PGDBNAME", ""));
        String schema = parsed.getProperty("currentSchema");
        if (schema != null && !schema.isEmpty()) {
            s.append("?currentSchema=").append(schema);
        }
        return s.toString();
    }

    /** The URL up to its second colon ({@code jdbc:mysql}): names the kind without echoing secrets. */
    private static String scheme(String url) {
        int first = url.indexOf(':');
        int second = first < 0 ? -1 : url.indexOf(':', first + 1);
        return second < 0 ? (url.length() > 20 ? url.substring(0, 20) : url) : url.substring(0, second);
    }

    /** Starts a WAL checkpointer once the schema is migrated (SQLite). */
    @FunctionalInterface
    private interface CheckpointerStart {
        WalCheckpointer start() throws java.sql.SQLException;
    }

    private static Store start(HikariConfig pool, Dialect dialect, Optional<String> schema, String description,
                               JournalOptions options, Optional<CheckpointerStart> checkpointing) {
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot open " + description + ": " + Sql.oneLine(reason));
        }
        Optional<WalCheckpointer> checkpointer = Optional.empty();
        try {
            var flyway = Flyway.configure(Stores.class.getClassLoader());
            schema.ifPresent(flyway::schemas);
            flyway.dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .placeholders(dialect.migrationPlaceholders())
                    .load()
                    .migrate();
            if (checkpointing.isPresent()) {
                checkpointer = Optional.of(checkpointing.get().start());
            }
            return new SqlStore(dataSource, dialect, description, options, checkpointer);
        } catch (FlywayException | java.sql.SQLException | StoreException e) {
            checkpointer.ifPresent(WalCheckpointer::close);
            dataSource.close();
            throw new IllegalArgumentException("cannot open " + description + ": " + Sql.oneLine(e));
        } catch (RuntimeException e) {
            checkpointer.ifPresent(WalCheckpointer::close);
            dataSource.close();
            throw e;
        }
    }
}
