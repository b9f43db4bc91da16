package org.jiaxing.person.domain;

import org.jiaxing.person.domain.PersonKeyRing.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the two person keys come from: the environment ({@code JIAXING_PERSON_DATA_KEY[S]},
 * {@code JIAXING_PERSON_INDEX_KEY[S]}) or files in the data directory, the current one generated on the
 * first run. Two keys, not one, so that the lookup index and the encryption can be rotated and protected
 * separately. Each may have several ids during a rotation; {@link PersonRekeying} moves the rows to the
 * current one.
 */
@Configuration(proxyBeanMethods = false)
class PersonKeys {

    static final String DATA_KEY_FILE = Kind.DATA.fileName(1);
    static final String INDEX_KEY_FILE = Kind.INDEX.fileName(1);

    private static final Logger log = LoggerFactory.getLogger(PersonKeys.class);

    /** The raw keys, only for the beans below and the start-up check against the database. */
    record Material(PersonKeyRing data, PersonKeyRing index) {
    }

    @Bean
    Material personKeyMaterial(PersonProperties properties, SecretKeyFiles files) {
        PersonKeyRing data = PersonKeyRing.load(Kind.DATA, properties.dataKey(), properties.dataKeys(),
                properties.dataKeyId(), files);
        PersonKeyRing index = PersonKeyRing.load(Kind.INDEX, properties.indexKey(), properties.indexKeys(),
                properties.indexKeyId(), files);
        log.info("Person data keys {} (current {}) from {}; index keys {} (current {}) from {}",
                data.keys().keySet(), data.currentId(), data.fromEnvironment() ? "the environment" : files.fileOf(""),
                index.keys().keySet(), index.currentId(), index.fromEnvironment() ? "the environment" : files.fileOf(""));
        return new Material(data, index);
    }

    @Bean
    FieldCipher personFieldCipher(Material keys) {
        return new FieldCipher(keys.data().currentId(), keys.data().keys());
    }

    @Bean
    BlindIndex personBlindIndex(Material keys) {
        return new BlindIndex(keys.index().currentId(), keys.index().keys());
    }
}
