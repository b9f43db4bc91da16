package org.jiaxing.code.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of signing keys: key ids, public keys and their status. */
@Repository
public class SigningKeyRepository {

    private final JdbcClient jdbc;

    public SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SigningKeyRecord> findAll() {
        return jdbc.sql("SELECT * FROM code_signing_key ORDER BY kid").query(SigningKeyRepository::row).list();
    }

    public Optional<SigningKeyRecord> find(int kid) {
        return jdbc.sql("SELECT * FROM code_signing_key WHERE kid = :kid").param("kid", kid)
                .query(SigningKeyRepository::row).optional();
    }

    public int nextKid() {
        return jdbc.sql("SELECT COALESCE(MAX(kid), 0) + 1 FROM code_signing_key").query(Integer.class).single();
    }

    public void insert(int kid, String publicKey, Instant createdAt, String createdBy) {
        jdbc.sql("""
                INSERT INTO code_signing_key (kid, public_key, status, created_at, created_by)
                VALUES (:kid, :publicKey, 'ACTIVE', :createdAt, :createdBy)""")
                .param("kid", kid).param("publicKey", publicKey).param("createdAt", DbTime.toDb(createdAt))
                .param("createdBy", createdBy).update();
    }

    /** @return whether an active key was retired (false when unknown or already retired) */
    public boolean retire(int kid, Instant retiredAt, String retiredBy) {
        return jdbc.sql("""
                UPDATE code_signing_key SET status = 'RETIRED', retired_at = :retiredAt, retired_by = :retiredBy
                WHERE kid = :kid AND status = 'ACTIVE'""")
                .param("kid", kid).param("retiredAt", DbTime.toDb(retiredAt)).param("retiredBy", retiredBy)
                .update() == 1;
    }

    private static SigningKeyRecord row(ResultSet rs, int row) throws SQLException {
        return new SigningKeyRecord(rs.getInt("kid"), rs.getString("public_key"), KeyStatus.valueOf(rs.getString("status")),
                DbTime.fromDb(rs.getLong("created_at")), rs.getString("created_by"),
                DbTime.fromDbNullable(rs.getObject("retired_at")), rs.getString("retired_by"));
    }
}
