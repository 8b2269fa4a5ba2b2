package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/**
 * Alerts in the {@code alerts} table. De-duplication lives in the database: a partial unique
 * index allows one open alert per key, and raising is a single
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING id}, so two threads (or two processes)
 * raising the same condition at once get exactly one alert between them.
 */
final class SqlAlertStore implements AlertStore {

    private static final String COLUMNS =
            "id, rule, alert_key, site_id, track_id, time_ns, acknowledged, is_open, detail_json";

    private final DataSource dataSource;
    /** Held around each write (see {@link SqlStore}: SQLite's writers queue on it). */
    private final Lock writerGate;

    SqlAlertStore(DataSource dataSource, Lock writerGate) {
        this.dataSource = dataSource;
        this.writerGate = writerGate;
    }

    @Override
    public Optional<StoredAlert> raise(String rule, String key, String siteId, String trackId, Instant time,
                                       String detailJson) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(key, "key");
        long timeNs = Sql.toNanos(Objects.requireNonNull(time, "time"));
        try (Connection c = dataSource.getConnection()) {
            return Sql.holding(writerGate, () -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts"
                        + " (rule, alert_key, site_id, track_id, time_ns, acknowledged, is_open, detail_json)"
                        + " VALUES (?, ?, ?, ?, ?, FALSE, TRUE, ?) ON CONFLICT DO NOTHING RETURNING id")) {
                    ps.setString(1, rule);
                    ps.setString(2, key);
                    setNullableString(ps, 3, siteId);
                    setNullableString(ps, 4, trackId);
                    ps.setLong(5, timeNs);
                    setNullableString(ps, 6, detailJson);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<StoredAlert>empty();
                        }
                        return Optional.of(new StoredAlert(rs.getLong(1), rule, key, siteId, trackId,
                                Sql.fromNanos(timeNs), false, true, detailJson));
                    }
                }
            });
        } catch (SQLException e) {
            throw Sql.failure("raising alert " + rule + " for " + key, e);
        }
    }

    private static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    @Override
    public boolean acknowledge(long id) {
        return update("acknowledging alert " + id, "UPDATE alerts SET acknowledged = TRUE WHERE id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public boolean close(String key) {
        Objects.requireNonNull(key, "key");
        return update("closing alert " + key, "UPDATE alerts SET is_open = FALSE WHERE alert_key = ? AND is_open",
                ps -> ps.setString(1, key));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private boolean update(String what, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.holding(writerGate, () -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    return ps.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }

    @Override
    public Optional<StoredAlert> get(long id) {
        List<StoredAlert> found = query("reading alert " + id, "SELECT " + COLUMNS + " FROM alerts WHERE id = ?",
                ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    @Override
    public List<StoredAlert> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return query("listing recent alerts", "SELECT " + COLUMNS + " FROM alerts ORDER BY id DESC LIMIT ?",
                ps -> ps.setInt(1, limit));
    }

    @Override
    public List<StoredAlert> open() {
        return query("listing open alerts", "SELECT " + COLUMNS + " FROM alerts WHERE is_open ORDER BY id", ps -> {
        });
    }

    private List<StoredAlert> query(String what, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredAlert> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new StoredAlert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Sql.fromNanos(rs.getLong(6)), rs.getBoolean(7), rs.getBoolean(8),
                            rs.getString(9)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }
}
