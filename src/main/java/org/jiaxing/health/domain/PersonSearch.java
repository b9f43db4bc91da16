package org.jiaxing.health.domain;

import java.util.Optional;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.Masking;
import org.jiaxing.person.Person;
import org.jiaxing.person.Persons;
import org.jiaxing.person.PhoneNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officials finding a person by exact ID number or mobile number (through the blind index). Every
 * search is audited, found or not, since looking someone up is itself access to personal data; the
 * entry holds the masked query, never the typed value.
 */
@Service
@Transactional
public class PersonSearch {

    static final String ACTION = "PERSON_SEARCH";

    public enum By { ID_NUMBER, PHONE }

    /** A search that could be run: what it searched by and whom it found. */
    public record Result(By by, Optional<Person> person) {
    }

    private final Persons persons;
    private final AuditLog audit;

    PersonSearch(Persons persons, AuditLog audit) {
        this.persons = persons;
        this.audit = audit;
    }

    /** @return empty when the query is neither a mobile number nor shaped like an ID number (nothing searched) */
    public Optional<Result> find(String query, String actor) {
        if (PhoneNumbers.isValid(query)) {
            return Optional.of(audited(By.PHONE, persons.findByPhone(query),
                    Masking.phone(PhoneNumbers.normalize(query)), actor));
        }
        String idNumber = IdNumbers.normalize(query);
        if (IdNumbers.hasShape(idNumber)) {
            return Optional.of(audited(By.ID_NUMBER, persons.findByIdNumber(idNumber), Masking.idNumber(idNumber),
                    actor));
        }
        return Optional.empty();
    }

    private Result audited(By by, Optional<Person> found, String maskedQuery, String actor) {
        String subject = found.map(person -> Long.toString(person.id())).orElse("none");
        audit.record(new AuditEntry(actor, ACTION, "person", subject, null,
                "by=" + by + " query=" + maskedQuery + " found=" + found.isPresent()));
        return new Result(by, found);
    }
}
