package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * After a group's transaction fails, its appends are retried one by one only when the
 * database refused the rows (one append may be at fault), not when the database itself failed
 * (retrying would repeat a lock timeout or a dead connection once per append).
 */
class RefusalClassificationTest {

    @Test
    void constraintAndDataErrorsAreRefusalsOfTheRows() {
        assertThat(GroupCommitJournal.refusesData(new SQLException("check", "23514"))).isTrue();
        assertThat(GroupCommitJournal.refusesData(new SQLException("unique", "23505"))).isTrue();
        assertThat(GroupCommitJournal.refusesData(new SQLException("value too long", "22001"))).isTrue();
        assertThat(GroupCommitJournal.refusesData(
                new SQLiteException("CHECK constraint failed", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK))).isTrue();
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("violates check constraint", "23514"));
        assertThat(GroupCommitJournal.refusesData(batch)).isTrue();
    }

    @Test
    void failuresOfTheDatabaseItselfAreNot() {
        assertThat(GroupCommitJournal.refusesData(new SQLException("connection lost", "08006"))).isFalse();
        assertThat(GroupCommitJournal.refusesData(new SQLException("disk full", "53100"))).isFalse();
        assertThat(GroupCommitJournal.refusesData(
                new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY))).isFalse();
        assertThat(GroupCommitJournal.refusesData(
                new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR))).isFalse();
        assertThat(GroupCommitJournal.refusesData(new RuntimeException("bug"))).isFalse();
    }
}
