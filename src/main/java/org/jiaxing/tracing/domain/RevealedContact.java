package org.jiaxing.tracing.domain;

import org.jiaxing.person.PersonDetails;

/** A contact with their identity in clear text, for the official who may call them. */
public record RevealedContact(Contact contact, PersonDetails details) {
}
