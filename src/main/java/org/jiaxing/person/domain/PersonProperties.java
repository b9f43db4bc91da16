package org.jiaxing.person.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the person module. Each of the two keys can come from the environment or from files in
 * {@code {data-dir}/keys}; see docs/SECURITY.md for rotating them.
 *
 * @param dataKey          AES-256 key 1 for names, phones and ID numbers, base64 of 32 bytes; empty means
 *                         {@code {data-dir}/keys/person-data.key}, generated on the first run
 * @param dataKeys         further data keys as {@code id:base64} separated by commas (rotation), e.g.
 *                         {@code 2:AbC…=}; with any environment data key, key files are not used
 * @param dataKeyId        the data key that encrypts new and changed rows (1–255)
 * @param indexKey         HMAC-SHA256 key 1 of the phone and ID-number lookup index, base64 of 32 bytes;
 *                         empty means {@code {data-dir}/keys/person-index.key}, generated on the first run
 * @param indexKeys        further index keys as {@code id:base64}, like {@code dataKeys}
 * @param indexKeyId       the index key for new and changed rows (1–255)
 * @param rekeyInterval    how often the background re-keying looks for rows under older keys
 * @param rekeyBatchSize   rows re-keyed per transaction (short transactions: the check-in writer waits
 *                         for the SQLite write lock meanwhile)
 * @param rekeyBatchesPerRun transactions per run, so one run converts at most batch size × this
 * @param maxCompanions    how many companions one visitor may save
 * @param cacheSize        masked persons kept in memory by id (every scan looks one up); the day's active
 *                         visitors should fit
 */
@Validated
@ConfigurationProperties("jiaxing.person")
public record PersonProperties(
        String dataKey,
        String dataKeys,
        @Min(1) @Max(255) @DefaultValue("1") int dataKeyId,
        String indexKey,
        String indexKeys,
        @Min(1) @Max(255) @DefaultValue("1") int indexKeyId,
        @DefaultValue("10s") Duration rekeyInterval,
        @Min(1) @Max(5000) @DefaultValue("200") int rekeyBatchSize,
        @Min(1) @DefaultValue("50") int rekeyBatchesPerRun,
        @Min(1) @Max(100) @DefaultValue("20") int maxCompanions,
        @Min(1) @DefaultValue("200000") int cacheSize) {

    public boolean hasEnvironmentDataKey() {
        return present(dataKey) || present(dataKeys);
    }

    public boolean hasEnvironmentIndexKey() {
        return present(indexKey) || present(indexKeys);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
