package org.jiaxing.person.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The person table. It only ever sees ciphertexts and blind indexes; {@link PersonService} encrypts. */
@Repository
class PersonStore {

    /** A stored person: encrypted fields, the phone's index and the keys they are under. */
    record Row(long id, String nameEnc, String phoneEnc, String idNumberEnc, String phoneIndex, int dataKid,
            int indexKid) {
    }

    /** A person's fields as stored: encrypted and indexed, all with the two keys named. */
    record Sealed(String nameEnc, String phoneEnc, String idNumberEnc, String idNumberIndex, String phoneIndex,
            int dataKid, int indexKid) {
    }

    /** How many persons are under one pair of keys. */
    record KeyIds(int dataKid, int indexKid, long persons) {
    }

    private static final String SELECT =
            "SELECT id, name_enc, phone_enc, id_number_enc, phone_index, data_kid, index_kid FROM person";
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

    /**
     * @param indexes the ID number's index under each configured index key (one outside a rotation); a
     *                person is stored under one of them, and there is one person per ID number
     */
    Optional<Row> findByIdNumberIndex(List<String> indexes) {
        return jdbc.sql(SELECT + " WHERE id_number_index IN (:indexes) ORDER BY id LIMIT 1").param("indexes", indexes)
                .query(PersonStore::row).optional();
    }

    /** Of the persons with this phone (under any index key), the one who gave it last (index person_phone). */
    Optional<Row> findNewestByPhoneIndex(List<String> indexes) {
        return jdbc.sql(SELECT + " WHERE phone_index IN (:indexes) ORDER BY phone_set_at DESC, id DESC LIMIT 1")
                .param("indexes", indexes).query(PersonStore::row).optional();
    }

    /** @return the new id, or empty when a person with this ID number exists (perhaps just inserted by another request) */
    Optional<Long> insertIfAbsent(Sealed row, Instant now) {
        return jdbc.sql("""
                INSERT INTO person (name_enc, phone_enc, id_number_enc, id_number_index, phone_index, data_kid,
                                    index_kid, phone_set_at, registered_at, updated_at)
                VALUES (:name, :phone, :idNumber, :idNumberIndex, :phoneIndex, :dataKid, :indexKid, :phoneSetAt,
                        :now, :now)
                ON CONFLICT (id_number_index) DO NOTHING
                RETURNING id""")
                .params(sealedParams(row))
                .param("phoneSetAt", row.phoneEnc() == null ? null : DbTime.toDb(now))
                .param("now", DbTime.toDb(now)).query(Long.class).optional();
    }

    /**
     * Replaces all of a person's stored fields (changed or not), so that the row's key ids hold for every
     * field in it. {@code phone_set_at} moves only when the phone changed (it orders shared phones).
     */
    void update(long id, Sealed row, boolean phoneChanged, Instant now) {
        jdbc.sql("UPDATE person SET name_enc = :name, phone_enc = :phone, id_number_enc = :idNumber,"
                        + " id_number_index = :idNumberIndex, phone_index = :phoneIndex, data_kid = :dataKid,"
                        + " index_kid = :indexKid, updated_at = :now"
                        + (phoneChanged ? ", phone_set_at = :now" : "") + " WHERE id = :id")
                .params(sealedParams(row)).param("now", DbTime.toDb(now)).param("id", id).update();
    }

    /**
     * Re-keying: rewrites a person read as {@code before} unless it changed since (every change moves it
     * to the current keys, so its key ids would differ). Leaves the times alone: re-keying is not a
     * change of the person's details and must not delay their retention.
     *
     * @return whether the row was rewritten
     */
    boolean rekey(Row before, Sealed row) {
        return jdbc.sql("""
                UPDATE person SET name_enc = :name, phone_enc = :phone, id_number_enc = :idNumber,
                       id_number_index = :idNumberIndex, phone_index = :phoneIndex, data_kid = :dataKid,
                       index_kid = :indexKid
                WHERE id = :id AND data_kid = :beforeDataKid AND index_kid = :beforeIndexKid""")
                .params(sealedParams(row)).param("id", before.id()).param("beforeDataKid", before.dataKid())
                .param("beforeIndexKid", before.indexKid()).update() == 1;
    }

    /** The next persons after {@code afterId}, by id, that are not under both given keys. */
    List<Row> notUnder(int dataKid, int indexKid, long afterId, int limit) {
        return jdbc.sql(SELECT + " WHERE id > :after AND (data_kid <> :dataKid OR index_kid <> :indexKid)"
                        + " ORDER BY id LIMIT :limit")
                .param("after", afterId).param("dataKid", dataKid).param("indexKid", indexKid).param("limit", limit)
                .query(PersonStore::row).list();
    }

    /** How many persons are under each pair of keys (index person_key_ids serves this). */
    List<KeyIds> keyIds() {
        return jdbc.sql("SELECT data_kid, index_kid, COUNT(*) AS persons FROM person GROUP BY data_kid, index_kid")
                .query((rs, n) -> new KeyIds(rs.getInt("data_kid"), rs.getInt("index_kid"), rs.getLong("persons")))
                .list();
    }

    private static Map<String, Object> sealedParams(Sealed row) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", row.nameEnc());
        params.put("phone", row.phoneEnc());
        params.put("idNumber", row.idNumberEnc());
        params.put("idNumberIndex", row.idNumberIndex());
        params.put("phoneIndex", row.phoneIndex());
        params.put("dataKid", row.dataKid());
        params.put("indexKid", row.indexKid());
        return params;
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name_enc"), rs.getString("phone_enc"),
                rs.getString("id_number_enc"), rs.getString("phone_index"), rs.getInt("data_kid"),
                rs.getInt("index_kid"));
    }
}
