/**
 * Health status per person (GREEN by default, YELLOW, RED), with reason, since and an optional expiry,
 * its history, and the staff page where authorised officials set it by hand. Reads are served from
 * memory because the door scan waits on them. API: {@link org.jiaxing.health.HealthStatuses},
 * {@link org.jiaxing.health.HealthStatus}, {@link org.jiaxing.health.HealthColour}, event
 * {@link org.jiaxing.health.HealthStatusChanged}, failure {@link org.jiaxing.health.InvalidHealthStatus}.
 */
package org.jiaxing.health;
