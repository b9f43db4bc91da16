package org.jiaxing.venue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiaxing.org.Towns;
import org.jiaxing.venue.InvalidVenue.Problem;
import org.jiaxing.venue.VenueDraft;
import org.springframework.stereotype.Component;

/** {@link VenueRules} with the real categories and towns. */
@Component
public class VenueValidator {

    private final CategoryCatalog categories;
    private final Towns towns;

    VenueValidator(CategoryCatalog categories, Towns towns) {
        this.categories = categories;
        this.towns = towns;
    }

    /** Problems of a draft that {@link VenueRules#normalize normalize} already cleaned. */
    public List<Problem> problems(VenueDraft normalized) {
        return VenueRules.check(normalized, code -> categories.byCode(code).isPresent(),
                code -> towns.byCode(code).isPresent());
    }

    /**
     * Parses and checks text input. A field whose number did not parse reports only that, not also
     * the rules that its missing value then breaks.
     */
    public Checked check(VenueInput input) {
        VenueInput.Parsed parsed = input.parse();
        VenueDraft draft = VenueRules.normalize(parsed.draft());
        List<Problem> problems = new ArrayList<>(parsed.problems());
        Set<String> unparsed = parsed.problems().stream().map(Problem::field).collect(Collectors.toSet());
        problems(draft).stream().filter(problem -> !unparsed.contains(problem.field())).forEach(problems::add);
        return new Checked(draft, problems);
    }

    public record Checked(VenueDraft draft, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }
}
