package org.jiaxing.checkin.domain;

import java.time.Instant;
import java.util.List;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored consents of visitors to the stated purpose and retention of their registration (table
 * {@code checkin_consent}). The text a visitor agreed to is the bundle message
 * {@code checkin.consent.purpose.<version>}: a changed text is a new version, the old one stays.
 */
@Repository
public class Consents {

    /** The version of the purpose text the registration form shows now. */
    public static final String CURRENT_PURPOSE = "v1";

    /** One consent: who, when, to which text, shown in which language. */
    public record Consent(long personId, Instant consentedAt, String purposeVersion, String language) {

        /** The message key of the text agreed to. */
        public String purposeKey() {
            return "checkin.consent.purpose." + purposeVersion;
        }
    }

    private final JdbcClient jdbc;

    Consents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the consent; a second one of the same person in the same millisecond is the same consent. */
    void record(Consent consent) {
        jdbc.sql("""
                INSERT INTO checkin_consent (person_id, consented_at, purpose_version, language)
                VALUES (:person, :at, :version, :language) ON CONFLICT (person_id, consented_at) DO NOTHING""")
                .param("person", consent.personId()).param("at", DbTime.toDb(consent.consentedAt()))
                .param("version", consent.purposeVersion()).param("language", consent.language()).update();
    }

    /** The person's consents, newest first. */
    public List<Consent> ofPerson(long personId) {
        return jdbc.sql("""
                SELECT person_id, consented_at, purpose_version, language FROM checkin_consent
                WHERE person_id = :person ORDER BY consented_at DESC""")
                .param("person", personId)
                .query((rs, row) -> new Consent(rs.getLong("person_id"), DbTime.fromDb(rs.getLong("consented_at")),
                        rs.getString("purpose_version"), rs.getString("language")))
                .list();
    }
}
