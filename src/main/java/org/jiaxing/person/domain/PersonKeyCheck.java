package org.jiaxing.person.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.jiaxing.shared.time.DbTime;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with keys other than the ones the stored persons were written with, or without a key
 * that stored persons are still under. A lost key file would otherwise be replaced by a fresh key
 * silently: old names could no longer be read, and, worse, every returning visitor's ID number would get
 * a new index, so they would be registered a second time. The database keeps a check value per key and
 * id (SHA-256 of a label and the key: it identifies the key without revealing it), written on the first
 * start with that key; the rows' {@code data_kid} and {@code index_kid} say which ids are still needed.
 */
@Component
class PersonKeyCheck implements SmartInitializingSingleton {

    static final String DATA = "data";
    static final String INDEX = "index";
    private static final byte[] LABEL = "jiaxing person key check v1".getBytes(StandardCharsets.US_ASCII);

    private final PersonKeys.Material keys;
    private final PersonStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    PersonKeyCheck(PersonKeys.Material keys, PersonStore store, JdbcClient jdbc, Clock clock) {
        this.keys = keys;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        verifyAll(keys.data());
        verifyAll(keys.index());
        requireKeysOfStoredPersons(keys.data(), keys.index(), store.keyIds());
    }

    private void verifyAll(PersonKeyRing ring) {
        ring.keys().forEach((kid, key) -> verify(ring.kind().purpose, kid, key, ring.kind().whereToPut(kid)));
    }

    void verify(String purpose, int kid, SecretKey key, String where) {
        String expected = checkValue(key);
        // the first start with a key records it; every later start (and a concurrent first one) compares
        jdbc.sql("""
                INSERT INTO person_key (purpose, kid, check_value, created_at) VALUES (:purpose, :kid, :value, :at)
                ON CONFLICT (purpose, kid) DO NOTHING""")
                .param("purpose", purpose).param("kid", kid).param("value", expected)
                .param("at", DbTime.toDb(clock.instant())).update();
        String stored = jdbc.sql("SELECT check_value FROM person_key WHERE purpose = :purpose AND kid = :kid")
                .param("purpose", purpose).param("kid", kid).query(String.class).single();
        if (!stored.equals(expected)) {
            throw new IllegalStateException("The person " + purpose + " key " + kid + " is not the key the stored "
                    + "persons were written with. Restore the original key " + kid + " (" + where + ") from the "
                    + "backup; starting with another key would make stored persons unreadable or register them twice.");
        }
    }

    /** Fails when a stored person is under a key id that is not configured (removed too early, or lost). */
    static void requireKeysOfStoredPersons(PersonKeyRing data, PersonKeyRing index, List<PersonStore.KeyIds> stored) {
        Map<Integer, Long> missingData = new TreeMap<>();
        Map<Integer, Long> missingIndex = new TreeMap<>();
        for (PersonStore.KeyIds pair : stored) {
            if (!data.has(pair.dataKid())) {
                missingData.merge(pair.dataKid(), pair.persons(), Long::sum);
            }
            if (!index.has(pair.indexKid())) {
                missingIndex.merge(pair.indexKid(), pair.persons(), Long::sum);
            }
        }
        if (missingData.isEmpty() && missingIndex.isEmpty()) {
            return;
        }
        throw new IllegalStateException("Stored persons are under person keys that are not configured: "
                + describe(data, missingData) + describe(index, missingIndex)
                + "Restore those keys from the backup; a key may be removed only after the re-keying has moved every "
                + "person to the current key (docs/SECURITY.md, \"Rotating the person keys\").");
    }

    private static String describe(PersonKeyRing ring, Map<Integer, Long> missing) {
        return missing.entrySet().stream()
                .map(entry -> entry.getValue() + " under " + ring.kind().purpose + " key " + entry.getKey() + " ("
                        + ring.kind().whereToPut(entry.getKey()) + "); ")
                .collect(Collectors.joining());
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
