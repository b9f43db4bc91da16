package org.jiaxing.person;

/**
 * A visitor as everyone but an auditing official sees them: masked.
 *
 * @param maskedPhone {@code null} when the person has no phone (a child registered as a companion)
 */
public record Person(long id, String maskedName, String maskedPhone, String maskedIdNumber) {
}
