package org.jiaxing.person.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The person table. It only ever sees ciphertexts and blind indexes; {@link PersonService} encrypts. */
@Repository
class PersonStore {

    /** A stored person: encrypted fields and the phone's index. */
    record Row(long id, String nameEnc, String phoneEnc, String idNumberEnc, String phoneIndex) {
    }

    /** What a new person is stored as. */
    record NewRow(String nameEnc, String phoneEnc, String idNumberEnc, String idNumberIndex, String phoneIndex) {
    }

    private static final String SELECT = "SELECT id, name_enc, phone_enc, id_number_enc, phone_index FROM person";
    // well below the bind-parameter limits of SQLite (32766) and PostgreSQL (32767)
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(PersonStore::row).optional();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    List<Row> findByIds(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<Row> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            found.addAll(jdbc.sql(SELECT + " WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))
                    .query(PersonStore::row).list());
        }
        return found;
    }

    Optional<Row> findByIdNumberIndex(String index) {
        return jdbc.sql(SELECT + " WHERE id_number_index = :index").param("index", index)
                .query(PersonStore::row).optional();
    }

    /** Of the persons with this phone, the one who gave it last (index person_phone serves this). */
    Optional<Row> findNewestByPhoneIndex(String index) {
        return jdbc.sql(SELECT + " WHERE phone_index = :index ORDER BY phone_set_at DESC, id DESC LIMIT 1")
                .param("index", index).query(PersonStore::row).optional();
    }

    /** @return the new id, or empty when a person with this ID number exists (perhaps just inserted by another request) */
    Optional<Long> insertIfAbsent(NewRow row, Instant now) {
        return jdbc.sql("""
                INSERT INTO person (name_enc, phone_enc, id_number_enc, id_number_index, phone_index, phone_set_at,
                                    registered_at, updated_at)
                VALUES (:name, :phone, :idNumber, :idNumberIndex, :phoneIndex, :phoneSetAt, :now, :now)
                ON CONFLICT (id_number_index) DO NOTHING
                RETURNING id""")
                .param("name", row.nameEnc()).param("phone", row.phoneEnc()).param("idNumber", row.idNumberEnc())
                .param("idNumberIndex", row.idNumberIndex()).param("phoneIndex", row.phoneIndex())
                .param("phoneSetAt", row.phoneEnc() == null ? null : DbTime.toDb(now))
                .param("now", DbTime.toDb(now)).query(Long.class).optional();
    }

    void changePhone(long id, String phoneEnc, String phoneIndex, Instant now) {
        jdbc.sql("""
                UPDATE person SET phone_enc = :phone, phone_index = :phoneIndex, phone_set_at = :now, updated_at = :now
                WHERE id = :id""")
                .param("phone", phoneEnc).param("phoneIndex", phoneIndex).param("now", DbTime.toDb(now))
                .param("id", id).update();
    }

    void changeName(long id, String nameEnc, Instant now) {
        jdbc.sql("UPDATE person SET name_enc = :name, updated_at = :now WHERE id = :id")
                .param("name", nameEnc).param("now", DbTime.toDb(now)).param("id", id).update();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name_enc"), rs.getString("phone_enc"),
                rs.getString("id_number_enc"), rs.getString("phone_index"));
    }
}
