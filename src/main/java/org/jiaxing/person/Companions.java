package org.jiaxing.person;

import java.util.List;

/**
 * A visitor's saved companions (同行人员): family members they check in along with themselves. Each
 * companion is a person of their own; this only remembers who travels with whom.
 */
public interface Companions {

    /**
     * Saves a companion; saving one twice changes nothing.
     *
     * @throws PersonNotFound       when either person is unknown
     * @throws InvalidPersonDetails when owner and companion are the same person, or the owner already has
     *                              the most companions allowed
     */
    void save(long ownerPersonId, long companionPersonId);

    /** The owner's companions, masked, in the order they were saved. */
    List<Person> of(long ownerPersonId);

    /** Forgets a companion; forgetting an unknown one changes nothing. */
    void remove(long owner, long companion);
}
