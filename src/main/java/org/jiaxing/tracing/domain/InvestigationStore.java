package org.jiaxing.tracing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.shared.time.DbTime;
import org.jiaxing.tracing.domain.InvestigationRecord.RevealState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Investigations with their cases and their result as computed (contacts, evidence, case presences). */
@Repository
class InvestigationStore {

    private static final String HEADER = """
            SELECT id, reason, as_of, opened_by, opened_at, close_count, secondary_count, exposed_count, reveal_state,
                   reveal_requested_by, reveal_requested_at, reveal_reason, reveal_approved_by, reveal_approved_at,
                   applied_by, applied_at
            FROM investigation""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    InvestigationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(String reason, Instant asOf, String actor, Instant now, List<InvestigationCase> cases,
            ResultCodec.Encoded encoded) {
        TraceResult result = encoded.result();
        Map<ContactLevel, Integer> counts = result.counts();
        long id = jdbc.sql("""
                INSERT INTO investigation (reason, as_of, opened_by, opened_at, close_count, secondary_count,
                                           exposed_count, reveal_state)
                VALUES (:reason, :asOf, :actor, :now, :close, :secondary, :exposed, 'NONE') RETURNING id""")
                .param("reason", reason).param("asOf", DbTime.toDb(asOf)).param("actor", actor)
                .param("now", DbTime.toDb(now)).param("close", counts.get(ContactLevel.CLOSE))
                .param("secondary", counts.get(ContactLevel.SECONDARY)).param("exposed", counts.get(ContactLevel.EXPOSED))
                .query(Long.class).single();
        template.batchUpdate("INSERT INTO investigation_case (investigation_id, person_id, window_from, window_to)"
                        + " VALUES (?, ?, ?, ?)",
                cases.stream().distinct().map(c -> new Object[] {id, c.personId(), DbTime.toDb(c.from()), DbTime.toDb(c.to())})
                        .toList());
        jdbc.sql("""
                INSERT INTO investigation_result (investigation_id, format, contacts, body)
                VALUES (:id, :format, :contacts, :body)""")
                .param("id", id).param("format", ResultCodec.FORMAT).param("contacts", result.contacts().size())
                .param("body", encoded.body()).update();
        return id;
    }

    Optional<InvestigationRecord> find(long id) {
        return jdbc.sql(HEADER + " WHERE id = :id").param("id", id).query(InvestigationStore::header).optional();
    }

    List<InvestigationRecord> recent(int limit) {
        return jdbc.sql(HEADER + " ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(InvestigationStore::header).list();
    }

    List<InvestigationCase> cases(long id) {
        return jdbc.sql("""
                SELECT person_id, window_from, window_to FROM investigation_case WHERE investigation_id = :id
                ORDER BY window_from, person_id, window_to""").param("id", id)
                .query((rs, row) -> new InvestigationCase(rs.getLong("person_id"), DbTime.fromDb(rs.getLong("window_from")),
                        DbTime.fromDb(rs.getLong("window_to"))))
                .list();
    }

    /** The stored result, in the engine's order. */
    TraceResult result(long id) {
        Optional<TraceResult> stored = jdbc.sql("SELECT format, body FROM investigation_result WHERE investigation_id = :id")
                .param("id", id).query((rs, row) -> ResultCodec.decode(rs.getInt("format"), rs.getBytes("body")))
                .optional();
        return stored.orElseGet(() -> rowsBefore55(id));
    }

    /** An investigation stored before migration V55, as rows. */
    private TraceResult rowsBefore55(long id) {
        List<CasePresence> presences = jdbc.sql("""
                SELECT case_person_id, checkin_id, venue_id, start_at, end_at, risk_end_at FROM investigation_presence
                WHERE investigation_id = :id
                ORDER BY start_at, end_at, venue_id, case_person_id, checkin_id""").param("id", id)
                .query((rs, row) -> new CasePresence(rs.getLong("case_person_id"), rs.getLong("checkin_id"),
                        rs.getLong("venue_id"), rs.getLong("start_at") / 1000, rs.getLong("end_at") / 1000,
                        rs.getLong("risk_end_at") / 1000))
                .list();
        Map<Long, ContactLevel> levels = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT person_id, level FROM investigation_contact WHERE investigation_id = :id
                ORDER BY CASE level WHEN 'CLOSE' THEN 0 WHEN 'SECONDARY' THEN 1 ELSE 2 END, person_id""")
                .param("id", id)
                .query((ResultSet rs) -> {
                    levels.put(rs.getLong("person_id"), ContactLevel.valueOf(rs.getString("level")));
                });
        Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT person_id, kind, venue_id, from_at, to_at, case_person_id, via_person_id, checkin_id
                FROM investigation_evidence WHERE investigation_id = :id ORDER BY person_id, seq""").param("id", id)
                .query((ResultSet rs) -> {
                    Object via = rs.getObject("via_person_id");
                    evidence.computeIfAbsent(rs.getLong("person_id"), p -> new ArrayList<>()).add(new Evidence(
                            ContactLevel.valueOf(rs.getString("kind")), rs.getLong("venue_id"), rs.getLong("from_at") / 1000,
                            rs.getLong("to_at") / 1000, rs.getLong("case_person_id"),
                            via == null ? null : ((Number) via).longValue(), rs.getLong("checkin_id")));
                });
        List<Contact> contacts = new ArrayList<>();
        levels.forEach((person, level) -> contacts.add(new Contact(person, level, evidence.getOrDefault(person, List.of()))));
        return new TraceResult(presences, contacts);
    }

    boolean requestReveal(long id, String actor, String reason, Instant now, boolean approveAtOnce) {
        return jdbc.sql("""
                UPDATE investigation SET reveal_state = :state, reveal_requested_by = :actor, reveal_requested_at = :now,
                    reveal_reason = :reason, reveal_approved_by = :approver, reveal_approved_at = :approvedAt
                WHERE id = :id AND reveal_state = 'NONE'""")
                .param("state", approveAtOnce ? "APPROVED" : "REQUESTED").param("actor", actor)
                .param("now", DbTime.toDb(now)).param("reason", reason)
                .param("approver", approveAtOnce ? actor : null)
                .param("approvedAt", approveAtOnce ? DbTime.toDb(now) : null).param("id", id).update() == 1;
    }

    boolean approveReveal(long id, String approver, Instant now) {
        return jdbc.sql("""
                UPDATE investigation SET reveal_state = 'APPROVED', reveal_approved_by = :approver, reveal_approved_at = :now
                WHERE id = :id AND reveal_state = 'REQUESTED' AND reveal_requested_by <> :approver""")
                .param("approver", approver).param("now", DbTime.toDb(now)).param("id", id).update() == 1;
    }

    boolean markApplied(long id, String actor, Instant now) {
        return jdbc.sql("UPDATE investigation SET applied_by = :actor, applied_at = :now WHERE id = :id AND applied_at IS NULL")
                .param("actor", actor).param("now", DbTime.toDb(now)).param("id", id).update() == 1;
    }

    private static InvestigationRecord header(ResultSet rs, int row) throws SQLException {
        return new InvestigationRecord(rs.getLong("id"), rs.getString("reason"), DbTime.fromDb(rs.getLong("as_of")),
                rs.getString("opened_by"), DbTime.fromDb(rs.getLong("opened_at")), rs.getInt("close_count"),
                rs.getInt("secondary_count"), rs.getInt("exposed_count"), RevealState.valueOf(rs.getString("reveal_state")),
                rs.getString("reveal_requested_by"), DbTime.fromDbNullable(rs.getObject("reveal_requested_at")),
                rs.getString("reveal_reason"), rs.getString("reveal_approved_by"),
                DbTime.fromDbNullable(rs.getObject("reveal_approved_at")), rs.getString("applied_by"),
                DbTime.fromDbNullable(rs.getObject("applied_at")));
    }
}
