package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/** Plans in the {@code plans} table; "latest" is the most recently created of a kind. */
final class SqlPlanStore implements PlanStore {

    private final DataSource dataSource;
    /** Held around each write (see {@link SqlStore}: SQLite's writers queue on it). */
    private final Lock writerGate;

    SqlPlanStore(DataSource dataSource, Lock writerGate) {
        this.dataSource = dataSource;
        this.writerGate = writerGate;
    }

    @Override
    public StoredPlan save(String kind, Instant created, String json) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(json, "json");
        long createdNs = Sql.toNanos(Objects.requireNonNull(created, "created"));
        try (Connection c = dataSource.getConnection()) {
            return Sql.holding(writerGate, () -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO plans (kind, created_ns, json) VALUES (?, ?, ?) RETURNING id")) {
                    ps.setString(1, kind);
                    ps.setLong(2, createdNs);
                    ps.setString(3, json);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new StoredPlan(rs.getLong(1), kind, Sql.fromNanos(createdNs), json);
                    }
                }
            });
        } catch (SQLException e) {
            throw Sql.failure("saving a " + kind + " plan", e);
        }
    }

    @Override
    public Optional<StoredPlan> latest(String kind) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, kind, created_ns, json FROM plans"
                     + " WHERE kind = ? ORDER BY created_ns DESC, id DESC LIMIT 1")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredPlan(rs.getLong(1), rs.getString(2), Sql.fromNanos(rs.getLong(3)),
                        rs.getString(4)));
            }
        } catch (SQLException e) {
            throw Sql.failure("reading the latest " + kind + " plan", e);
        }
    }
}
