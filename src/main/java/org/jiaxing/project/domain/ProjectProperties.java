package org.jiaxing.project.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Key-project settings.
 *
 * @param aheadMargin        BLUE when the stage's percent done is at least this many points ahead of the
 *                           share of its planned time already elapsed
 * @param behindMargin       RED when it is at least this many points behind
 * @param absenceWorkingDays flag a project whose responsible official has not scanned the site code for
 *                           this many working days (Monday to Friday)
 * @param morningSheetTime   when the morning meeting sheet of a working day is generated (in jiaxing.zone)
 */
@Validated
@ConfigurationProperties("jiaxing.project")
public record ProjectProperties(
        @Min(1) @Max(100) @DefaultValue("15") int aheadMargin,
        @Min(1) @Max(100) @DefaultValue("15") int behindMargin,
        @Min(1) @Max(30) @DefaultValue("1") int absenceWorkingDays,
        @NotNull @DefaultValue("07:30") LocalTime morningSheetTime,
        @Valid @NotNull @DefaultValue Uploads uploads) {

    /**
     * @param maxImageSize largest photo (JPEG, PNG, WebP, GIF)
     * @param maxVideoSize largest short video (MP4, MOV, WebM)
     * @param maxFileSize  largest other attachment (PDF)
     * @param maxFiles     most files attached at once
     */
    public record Uploads(
            @NotNull @DefaultValue("5MB") DataSize maxImageSize,
            @NotNull @DefaultValue("10MB") DataSize maxVideoSize,
            @NotNull @DefaultValue("5MB") DataSize maxFileSize,
            @Min(1) @Max(20) @DefaultValue("9") int maxFiles) {
    }
}
