package org.jiaxing.checkin.domain;

import java.time.Clock;
import java.util.Locale;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A visitor's registration at a scan: the person and their consent to the stated purpose and retention,
 * in one transaction (no person registered here without the record of their consent). The check-in
 * itself follows outside it, through the writer.
 */
@Service
public class Registrations {

    private final Persons persons;
    private final Consents consents;
    private final Clock clock;

    Registrations(Persons persons, Consents consents, Clock clock) {
        this.persons = persons;
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * Registers (or recognises) the visitor and stores that they agreed to the current purpose text, shown
     * in {@code shownIn}.
     *
     * @throws org.jiaxing.person.InvalidPersonDetails for invalid details; nothing is stored then
     */
    @Transactional
    public Person registerWithConsent(PersonDetails details, Locale shownIn) {
        Person person = persons.registerOrUpdate(details);
        String language = shownIn == null || shownIn.getLanguage().isEmpty() ? "zh" : shownIn.getLanguage();
        consents.record(new Consents.Consent(person.id(), clock.instant(), Consents.CURRENT_PURPOSE,
                language.length() > 8 ? language.substring(0, 8) : language));
        return person;
    }
}
