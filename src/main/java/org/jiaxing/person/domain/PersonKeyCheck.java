package org.jiaxing.person.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import org.jiaxing.shared.time.DbTime;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with keys other than the ones the stored persons were written with. A lost key file
 * would otherwise be replaced by a fresh key silently: old names could no longer be read, and, worse,
 * every returning visitor's ID number would get a new index, so they would be registered a second time.
 * The database keeps a check value per key (SHA-256 of a label and the key: it identifies the key
 * without revealing it), written on the first start.
 */
@Component
class PersonKeyCheck implements SmartInitializingSingleton {

    static final String DATA = "data";
    static final String INDEX = "index";
    private static final byte[] LABEL = "jiaxing person key check v1".getBytes(StandardCharsets.US_ASCII);

    private final PersonKeys.Material keys;
    private final JdbcClient jdbc;
    private final Clock clock;

    PersonKeyCheck(PersonKeys.Material keys, JdbcClient jdbc, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        verify(DATA, PersonKeys.DATA_KEY_ID, keys.dataKey(), "JIAXING_PERSON_DATA_KEY or {data-dir}/keys/"
                + PersonKeys.DATA_KEY_FILE);
        verify(INDEX, 1, keys.indexKey(), "JIAXING_PERSON_INDEX_KEY or {data-dir}/keys/" + PersonKeys.INDEX_KEY_FILE);
    }

    void verify(String purpose, int kid, SecretKey key, String where) {
        String expected = checkValue(key);
        // the first start records the key; every later start (and a concurrent first one) compares
        jdbc.sql("""
                INSERT INTO person_key (purpose, kid, check_value, created_at) VALUES (:purpose, :kid, :value, :at)
                ON CONFLICT (purpose, kid) DO NOTHING""")
                .param("purpose", purpose).param("kid", kid).param("value", expected)
                .param("at", DbTime.toDb(clock.instant())).update();
        String stored = jdbc.sql("SELECT check_value FROM person_key WHERE purpose = :purpose AND kid = :kid")
                .param("purpose", purpose).param("kid", kid).query(String.class).single();
        if (!stored.equals(expected)) {
            throw new IllegalStateException("The person " + purpose + " key " + kid + " is not the key the stored "
                    + "persons were written with. Restore the original key (" + where + ") from the backup; "
                    + "starting with another key would make stored persons unreadable or register them twice.");
        }
    }

    static String checkValue(SecretKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LABEL);
            return HexFormat.of().formatHex(sha256.digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
