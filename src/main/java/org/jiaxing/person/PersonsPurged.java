package org.jiaxing.person;

import java.util.List;

/**
 * Published inside the transaction that deletes persons past retention, so that modules holding data
 * about them (health statuses) delete it in the same transaction.
 */
public record PersonsPurged(List<Long> personIds) {

    public PersonsPurged {
        personIds = List.copyOf(personIds);
    }
}
