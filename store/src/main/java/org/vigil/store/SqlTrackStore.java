package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/** The latest state of each track in the {@code tracks} table, replaced in batches. */
final class SqlTrackStore implements TrackStore {

    private static final String UPSERT = "INSERT INTO tracks"
            + " (id, lat_deg, lon_deg, speed_mps, course_deg, sigma_m, updated_ns, last_journal_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET lat_deg = excluded.lat_deg, lon_deg = excluded.lon_deg,"
            + " speed_mps = excluded.speed_mps, course_deg = excluded.course_deg, sigma_m = excluded.sigma_m,"
            + " updated_ns = excluded.updated_ns, last_journal_id = excluded.last_journal_id";

    private final DataSource dataSource;
    /** Held around each transaction (see {@link SqlStore}: SQLite's writers queue on it). */
    private final Lock writerGate;

    SqlTrackStore(DataSource dataSource, Lock writerGate) {
        this.dataSource = dataSource;
        this.writerGate = writerGate;
    }

    @Override
    public void update(Collection<StoredTrack> changed, Collection<String> deletedIds) {
        // The last state of a track wins; one statement may not touch a row twice (PostgreSQL
        // refuses that once batched inserts are rewritten into one multi-row INSERT).
        Map<String, StoredTrack> latest = new LinkedHashMap<>();
        for (StoredTrack t : changed) {
            latest.put(t.id(), t);
        }
        if (latest.isEmpty() && deletedIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            // Taken before the transaction begins: with IMMEDIATE transactions SQLite's write
            // lock is taken at the BEGIN that setAutoCommit(false) issues.
            Sql.holding(writerGate, () -> {
                writeTransaction(c, latest.values(), deletedIds);
                return null;
            });
        } catch (SQLException e) {
            throw Sql.failure("updating " + latest.size() + " and deleting " + deletedIds.size() + " tracks", e);
        }
    }

    private static void writeTransaction(Connection c, Collection<StoredTrack> latest, Collection<String> deletedIds)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            if (!latest.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                    for (StoredTrack t : latest) {
                        ps.setString(1, t.id());
                        ps.setDouble(2, t.latDeg());
                        ps.setDouble(3, t.lonDeg());
                        ps.setDouble(4, t.speedMps());
                        ps.setDouble(5, t.courseDeg());
                        ps.setDouble(6, t.sigmaM());
                        ps.setLong(7, Sql.toNanos(t.updated()));
                        ps.setLong(8, t.lastJournalId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!deletedIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM tracks WHERE id = ?")) {
                    for (String id : deletedIds) {
                        ps.setString(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // broken connection: the database rolls back
            }
            throw e;
        }
    }

    @Override
    public List<StoredTrack> all() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, lat_deg, lon_deg, speed_mps, course_deg, sigma_m,"
                     + " updated_ns, last_journal_id FROM tracks ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<StoredTrack> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StoredTrack(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6), Sql.fromNanos(rs.getLong(7)), rs.getLong(8)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("listing tracks", e);
        }
    }
}
