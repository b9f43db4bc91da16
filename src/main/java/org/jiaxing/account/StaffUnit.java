package org.jiaxing.account;

/**
 * What a person may learn about an official who looked at their data: the role and the unit (the town,
 * or {@code null} for the city level), never the name.
 */
public record StaffUnit(Role role, String townCode) {
}
