package org.jiaxing.checkin.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory presence index ({@link org.jiaxing.checkin.PresenceIndex}).
 *
 * @param enabled whether tracing reads check-ins from memory. It costs about 30 bytes of heap per accepted
 *                check-in within retention (about 1.5 GB for a city's 49 M; see docs/DECISIONS.md) and a table scan
 *                at start-up; off, tracing reads the database (CheckinQueries), as fast as its indexes allow.
 */
@Validated
@ConfigurationProperties("jiaxing.checkin.presence-index")
public record PresenceIndexProperties(@DefaultValue("true") boolean enabled) {
}
