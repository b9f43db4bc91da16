package org.jiaxing.person.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the person module.
 *
 * @param dataKey       AES-256 key for names, phones and ID numbers, base64 of 32 bytes; empty means
 *                      {@code {data-dir}/keys/person-data.key}, generated on the first run
 * @param indexKey      HMAC-SHA256 key of the phone and ID-number lookup index, base64 of 32 bytes; empty
 *                      means {@code {data-dir}/keys/person-index.key}, generated on the first run
 * @param maxCompanions how many companions one visitor may save
 * @param cacheSize     masked persons kept in memory by id (every scan looks one up); the day's active
 *                      visitors should fit
 */
@Validated
@ConfigurationProperties("jiaxing.person")
public record PersonProperties(
        String dataKey,
        String indexKey,
        @Min(1) @Max(100) @DefaultValue("20") int maxCompanions,
        @Min(1) @DefaultValue("200000") int cacheSize) {

    public boolean hasEnvironmentDataKey() {
        return dataKey != null && !dataKey.isBlank();
    }

    public boolean hasEnvironmentIndexKey() {
        return indexKey != null && !indexKey.isBlank();
    }
}
