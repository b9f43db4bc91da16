package org.jiaxing.person;

/** Published when a person is stored for the first time (never for an update of a known person). */
public record PersonRegistered(long personId) {
}
