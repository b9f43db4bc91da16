package org.jiaxing.venue.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param importMaxRows venue rows one import file may hold (a whole city is about 4,500)
 * @param importMaxSize largest import file accepted
 */
@Validated
@ConfigurationProperties("jiaxing.venue")
record VenueProperties(@Positive @DefaultValue("20000") int importMaxRows,
        @NotNull @DefaultValue("5MB") DataSize importMaxSize) {
}
