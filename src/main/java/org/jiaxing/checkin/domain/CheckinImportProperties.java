package org.jiaxing.checkin.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the bulk import of paper registers. The whole file is written in one transaction, during
 * which the check-in writer serves nobody else, so the limits also bound how long scans may wait.
 *
 * @param maxRows check-in rows one file may hold (the header not counted)
 * @param maxSize largest file accepted; keep it below {@code spring.servlet.multipart.max-file-size}
 */
@Validated
@ConfigurationProperties("jiaxing.checkin.import")
public record CheckinImportProperties(@Positive @DefaultValue("50000") int maxRows,
        @NotNull @DefaultValue("8MB") DataSize maxSize) {

    /** For messages: the size limit in whole megabytes, at least 1. */
    public long maxMegabytes() {
        return Math.max(1, maxSize.toMegabytes());
    }
}
