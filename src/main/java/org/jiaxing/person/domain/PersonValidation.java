package org.jiaxing.person.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.InvalidPersonDetails;
import org.jiaxing.person.InvalidPersonDetails.Problem;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.PersonNames;
import org.jiaxing.person.PhoneNumbers;

/** Checks every field of person details at once and returns them normalised. */
final class PersonValidation {

    private PersonValidation() {
    }

    /**
     * @return the details normalised; a blank name or phone becomes {@code null} ("not given")
     * @throws InvalidPersonDetails with a problem for every broken field
     */
    static PersonDetails normalized(PersonDetails details, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String name = blankToNull(PersonNames.normalize(details.name()));
        if (name != null) {
            nameProblem(name).ifPresent(problems::add);
        }
        String phone = PhoneNumbers.isBlank(details.phone()) ? null : PhoneNumbers.normalize(details.phone());
        if (phone != null && !PhoneNumbers.isValid(phone)) {
            problems.add(Problem.of("phone", "person.error.phone.invalid"));
        }
        IdNumbers.Verdict id = IdNumbers.check(details.idNumber(), today);
        if (id != IdNumbers.Verdict.VALID) {
            problems.add(Problem.of("idNumber", id.messageKey()));
        }
        if (!problems.isEmpty()) {
            throw InvalidPersonDetails.of(problems);
        }
        return new PersonDetails(name, phone, IdNumbers.normalize(details.idNumber()));
    }

    /** @return the name normalised */
    static String name(String raw) {
        nameProblem(raw).ifPresent(problem -> {
            throw InvalidPersonDetails.of(List.of(problem));
        });
        return PersonNames.normalize(raw);
    }

    private static Optional<Problem> nameProblem(String raw) {
        PersonNames.Verdict verdict = PersonNames.check(raw);
        return verdict == PersonNames.Verdict.VALID ? Optional.empty()
                : Optional.of(Problem.of("name", verdict.messageKey(), PersonNames.MAX_LENGTH));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
