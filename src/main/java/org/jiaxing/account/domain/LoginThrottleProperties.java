package org.jiaxing.account.domain;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login brute-force limits: after {@code perAccount} failed logins for one username, or {@code perAddress}
 * from one client address, within {@code window}, further attempts are refused without checking the
 * password until {@code window} has passed since the last failure.
 */
@Validated
@ConfigurationProperties("jiaxing.account.login-throttle")
public record LoginThrottleProperties(@Min(1) @DefaultValue("5") int perAccount,
        @Min(1) @DefaultValue("30") int perAddress,
        @NotNull @DefaultValue("15m") Duration window) {
}
