package org.jiaxing.person.domain;

import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the two person keys come from: the environment ({@code JIAXING_PERSON_DATA_KEY},
 * {@code JIAXING_PERSON_INDEX_KEY}) or files in the data directory, generated on the first run. Two
 * keys, not one, so that the lookup index and the encryption can be rotated and protected separately.
 */
@Configuration(proxyBeanMethods = false)
class PersonKeys {

    static final String DATA_KEY_FILE = "person-data.key";
    static final String INDEX_KEY_FILE = "person-index.key";
    /** The id written into every ciphertext; a rotation adds key 2 and keeps key 1 for reading. */
    static final int DATA_KEY_ID = 1;

    private static final Logger log = LoggerFactory.getLogger(PersonKeys.class);

    /** The raw keys, only for the beans below and the start-up check against the database. */
    record Material(SecretKey dataKey, SecretKey indexKey) {

        @Override
        public String toString() {
            return "PersonKeys.Material[hidden]";
        }
    }

    @Bean
    Material personKeyMaterial(PersonProperties properties, SecretKeyFiles files) {
        byte[] data = properties.hasEnvironmentDataKey()
                ? SecretKeyFiles.decode(properties.dataKey(), "JIAXING_PERSON_DATA_KEY (jiaxing.person.data-key)")
                : files.readOrGenerate(DATA_KEY_FILE);
        byte[] index = properties.hasEnvironmentIndexKey()
                ? SecretKeyFiles.decode(properties.indexKey(), "JIAXING_PERSON_INDEX_KEY (jiaxing.person.index-key)")
                : files.readOrGenerate(INDEX_KEY_FILE);
        log.info("Person data key {} from {}, index key from {}", DATA_KEY_ID,
                properties.hasEnvironmentDataKey() ? "the environment" : files.fileOf(DATA_KEY_FILE),
                properties.hasEnvironmentIndexKey() ? "the environment" : files.fileOf(INDEX_KEY_FILE));
        return new Material(new SecretKeySpec(data, "AES"), new SecretKeySpec(index, "HmacSHA256"));
    }

    @Bean
    FieldCipher personFieldCipher(Material keys) {
        return new FieldCipher(DATA_KEY_ID, Map.of(DATA_KEY_ID, keys.dataKey()));
    }

    @Bean
    BlindIndex personBlindIndex(Material keys) {
        return new BlindIndex(keys.indexKey());
    }
}
