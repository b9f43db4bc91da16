package org.jiaxing.person;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Visitors' identities. Everything but {@link #reveal} returns masked data only.
 */
public interface Persons {

    /**
     * Registers a visitor, or recognises them: the ID number is the identity. For a known ID number the
     * stored person is returned, with the phone replaced when a different one is given and the name
     * replaced when one is given. A new person needs a name; the phone is optional. Every field is
     * validated first and all problems are reported together.
     *
     * @throws InvalidPersonDetails with one problem per broken field
     */
    Person registerOrUpdate(PersonDetails details);

    Optional<Person> find(long id);

    /** Masked persons by id, for lists (a staff console of today's entrants); unknown ids are left out. */
    Map<Long, Person> find(Collection<Long> ids);

    /** By ID number, through its blind index. Empty when unknown or when it is not even shaped like one. */
    Optional<Person> findByIdNumber(String idNumber);

    /**
     * By mobile number, through its blind index. Families share phones, so several persons may have the
     * same number: this returns the one who gave it most recently (registered with it, or changed to it).
     */
    Optional<Person> findByPhone(String phone);

    /**
     * Corrects a person's name (the visitor's "my records" page).
     *
     * @throws InvalidPersonDetails when the name breaks the rules
     * @throws PersonNotFound       for an unknown id
     */
    Person rename(long personId, String newName);

    /**
     * The clear name, phone and ID number, for an official with a reason. Writes a {@code PERSON_REVEAL}
     * audit entry in the same transaction, so no reveal goes unrecorded.
     *
     * @param actor  username of the official
     * @param reason why; required
     * @throws InvalidPersonDetails for a missing or over-long reason
     * @throws PersonNotFound       for an unknown id
     */
    PersonDetails reveal(long personId, String actor, String reason);
}
