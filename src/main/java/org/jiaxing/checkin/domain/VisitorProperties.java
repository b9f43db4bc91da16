package org.jiaxing.checkin.domain;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The visitor side of check-in.
 *
 * @param visitorPassKey      base64 HMAC key for visitor passes; generated into ./data/keys when empty
 * @param visitorPassLifetime how long a browser stays recognised without registering again
 * @param perPersonPerMinute  check-ins one person may make in a minute (companions count for each)
 * @param perAddressPerMinute requests one IP address may make in a minute; generous, since mobile
 *                            carriers put many phones behind one address
 */
@Validated
@ConfigurationProperties("jiaxing.checkin.visitor")
public record VisitorProperties(
        String visitorPassKey,
        @NotNull @DefaultValue("365d") Duration visitorPassLifetime,
        @Min(1) @DefaultValue("20") int perPersonPerMinute,
        @Min(1) @DefaultValue("600") int perAddressPerMinute,
        @DefaultValue("true") boolean rateLimitEnabled) {
}
