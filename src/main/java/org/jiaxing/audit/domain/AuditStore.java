package org.jiaxing.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.shared.persistence.Database;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit tables: the entries, the one-row chain head and the one-row anchor where verification starts. */
@Repository
class AuditStore {

    /** The end of the chain: the last sequence and its hash. */
    record Head(long sequence, String hash) {
    }

    /** Where verification starts: the last purged entry (0 and the genesis hash before any purge). */
    record Anchor(long sequence, String hash) {
    }

    private final JdbcClient jdbc;
    private final Database database;

    AuditStore(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Claims the next sequence number. The UPDATE locks the head row until the transaction ends (a row
     * lock on PostgreSQL, the write lock on SQLite), so a concurrent append, even from another server,
     * waits for this one to commit and then links to it: the chain cannot fork.
     *
     * @return the claimed sequence and the hash of the entry before it
     */
    Head claimNext() {
        jdbc.sql("UPDATE audit_head SET seq = seq + 1 WHERE id = 1").update();
        return readHead();
    }

    Head readHead() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    Anchor readAnchor() {
        return jdbc.sql("SELECT seq, hash FROM audit_anchor WHERE id = 1")
                .query((rs, row) -> new Anchor(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    /**
     * Moves the anchor to the last entry of the unbroken run recorded before {@code cutoff} (at most
     * {@code maxEntries} past the current anchor) and deletes that run, in the caller's transaction. On
     * PostgreSQL this is the SECURITY DEFINER function of V53_1, because the application role may neither
     * delete audit entries nor move the anchor itself; SQLite has no roles and runs the same steps here.
     *
     * @return how many entries were deleted
     */
    long purgeBefore(Instant cutoff, Instant now, int maxEntries) {
        if (!database.isSqlite()) {
            return jdbc.sql("SELECT audit_purge_before(:cutoff, :now, :max)").param("cutoff", DbTime.toDb(cutoff))
                    .param("now", DbTime.toDb(now)).param("max", maxEntries).query(Long.class).single();
        }
        long anchored = readAnchor().sequence();
        Long firstKept = jdbc.sql("""
                SELECT seq FROM audit_entry WHERE seq > :anchored AND recorded_at >= :cutoff ORDER BY seq LIMIT 1""")
                .param("anchored", anchored).param("cutoff", DbTime.toDb(cutoff)).query(Long.class).optional()
                .orElse(null);
        Long lastPurged = firstKept != null ? Long.valueOf(firstKept - 1)
                : jdbc.sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).optional().orElse(null);
        if (lastPurged == null || lastPurged <= anchored) {
            return 0;
        }
        long last = Math.min(lastPurged, anchored + maxEntries);
        jdbc.sql("""
                UPDATE audit_anchor SET seq = :last, hash = (SELECT hash FROM audit_entry WHERE seq = :last),
                                        purged_at = :now
                WHERE id = 1""").param("last", last).param("now", DbTime.toDb(now)).update();
        return jdbc.sql("DELETE FROM audit_entry WHERE seq > :anchored AND seq <= :last")
                .param("anchored", anchored).param("last", last).update();
    }

    void append(long sequence, Instant at, AuditEntry entry, String previousHash, String hash) {
        jdbc.sql("""
                INSERT INTO audit_entry (seq, recorded_at, actor, action, subject_type, subject_id, reason, detail,
                                         prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :subjectType, :subjectId, :reason, :detail, :prevHash, :hash)""")
                .param("seq", sequence).param("at", DbTime.toDb(at)).param("actor", entry.actor())
                .param("action", entry.action()).param("subjectType", entry.subjectType())
                .param("subjectId", entry.subjectId()).param("reason", entry.reason()).param("detail", entry.detail())
                .param("prevHash", previousHash).param("hash", hash).update();
        jdbc.sql("UPDATE audit_head SET hash = :hash WHERE id = 1 AND seq = :seq")
                .param("hash", hash).param("seq", sequence).update();
    }

    List<AuditRecord> forSubject(String subjectType, String subjectId) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE subject_type = :type AND subject_id = :id ORDER BY seq")
                .param("type", subjectType).param("id", subjectId).query(AuditStore::record).list();
    }

    /** Entries after {@code afterSequence} up to {@code lastSequence}, oldest first, at most {@code limit}. */
    List<Stored> page(long afterSequence, long lastSequence, int limit) {
        return jdbc.sql("""
                SELECT * FROM audit_entry WHERE seq > :after AND seq <= :last ORDER BY seq LIMIT :limit""")
                .param("after", afterSequence).param("last", lastSequence).param("limit", limit)
                .query((rs, row) -> new Stored(record(rs, row), rs.getString("prev_hash"))).list();
    }

    /** A row as verification needs it: the record plus the previous hash it claims. */
    record Stored(AuditRecord record, String previousHash) {
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), DbTime.fromDb(rs.getLong("recorded_at")), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("reason"), rs.getString("detail"), rs.getString("hash"));
    }
}
