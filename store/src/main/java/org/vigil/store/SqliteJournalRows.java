package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the journal's rows into SQLite with multi-row INSERTs, inside the caller's
 * transaction, on one connection that the journal's writer keeps, so that the statements are
 * prepared once (compiling them for every transaction took about 6% of the writer's time).
 *
 * <p>Why not a JDBC batch of one-row INSERTs: the driver (sqlite-jdbc) then makes about eight
 * JNI calls per row (reset, five binds, step, changes), and binds the channel and content
 * type, the same two strings for a whole CoT batch, as UTF-8 text on every row. Here one
 * statement carries up to {@value #MAX_ROWS_PER_STATEMENT} rows and uses SQLite's numbered
 * parameters: {@code ?1} is the first row's id and the others' are written into the SQL as
 * {@code ?1+i} (the journal's ids are dense, so no row needs its own id bound), {@code ?2} and
 * {@code ?3} are the channel and content type bound once for all the statement's rows, and
 * each row binds only its receive time and body. A statement covers consecutive rows that
 * share channel and content type; a run of rows is cut into statements of 64, 32, ..., 1 rows
 * (powers of two, so that the writer keeps at most seven statements, whatever the run lengths).
 *
 * <p>The SQL differs from the one-row INSERT in nothing a constraint sees: a row the schema
 * refuses fails its statement, which fails the transaction, as before.
 */
final class SqliteJournalRows implements AutoCloseable {

    /** Rows per statement at most: 2 bound values each, far below SQLite's 32,766 parameters. */
    static final int MAX_ROWS_PER_STATEMENT = 64;
    /** Statement sizes, largest first: powers of two down to one row. */
    private static final int[] SIZES = sizes();
    private static final String[] SQL = new String[SIZES.length];

    static {
        for (int k = 0; k < SIZES.length; k++) {
            SQL[k] = insertSql(SIZES[k]);
        }
    }

    private final Connection connection;
    /** Prepared on first use, one per size in {@link #SIZES}. */
    private final PreparedStatement[] statements = new PreparedStatement[SIZES.length];

    SqliteJournalRows(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    private static int[] sizes() {
        int n = Integer.numberOfTrailingZeros(MAX_ROWS_PER_STATEMENT) + 1;
        int[] sizes = new int[n];
        for (int k = 0; k < n; k++) {
            sizes[k] = MAX_ROWS_PER_STATEMENT >> k;
        }
        return sizes;
    }

    /**
     * {@code INSERT ... VALUES (?1+0, ?4, ?2, ?3, ?5), (?1+1, ?6, ?2, ?3, ?7), ...}: row
     * {@code i} binds its receive time at {@code 4+2i} and its body at {@code 5+2i}.
     */
    static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(80 + rows * 28)
                .append("INSERT INTO journal (id, received_at_ns, channel, content_type, body) VALUES ");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(',');
            }
            sql.append("(?1+").append(i).append(",?").append(4 + 2 * i).append(",?2,?3,?").append(5 + 2 * i)
                    .append(')');
        }
        return sql.toString();
    }

    /** Inserts {@code rows} with ids {@code firstId, firstId+1, ...} in the order given. */
    void insert(List<NewReport> rows, long firstId) throws SQLException {
        int n = rows.size();
        int start = 0;
        while (start < n) {
            int end = endOfRun(rows, start);
            int at = start;
            while (at < end) {
                int k = sizeIndexAtMost(end - at);
                if (statements[k] == null) {
                    statements[k] = connection.prepareStatement(SQL[k]);
                }
                bind(statements[k], rows, at, SIZES[k], firstId + at);
                statements[k].executeUpdate();
                at += SIZES[k];
            }
            start = end;
        }
    }

    /** One past the last row from {@code start} on with the same channel and content type. */
    private static int endOfRun(List<NewReport> rows, int start) {
        NewReport first = rows.get(start);
        int end = start + 1;
        while (end < rows.size() && sameKind(first, rows.get(end))) {
            end++;
        }
        return end;
    }

    private static boolean sameKind(NewReport a, NewReport b) {
        return a.channel().equals(b.channel()) && a.contentType().equals(b.contentType());
    }

    /** The index of the largest statement size not above {@code remaining} (which is at least 1). */
    private static int sizeIndexAtMost(int remaining) {
        int k = 0;
        while (SIZES[k] > remaining) {
            k++;
        }
        return k;
    }

    private static void bind(PreparedStatement ps, List<NewReport> rows, int from, int count, long firstId)
            throws SQLException {
        NewReport first = rows.get(from);
        ps.setLong(1, firstId);
        ps.setString(2, first.channel());
        ps.setString(3, first.contentType());
        for (int i = 0; i < count; i++) {
            NewReport r = rows.get(from + i);
            ps.setLong(4 + 2 * i, Sql.toNanos(r.receivedAt()));
            ps.setBytes(5 + 2 * i, r.body());
        }
    }

    /** Closes the statements and gives the connection back (to its pool). Quiet: it is being dropped. */
    @Override
    public void close() {
        for (PreparedStatement ps : statements) {
            if (ps == null) {
                continue;
            }
            try {
                ps.close();
            } catch (SQLException ignored) {
                // Finalising a statement only repeats the error its last step already raised.
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The pool discards a connection it cannot reset.
        }
    }
}
