package org.jiaxing.venue;

import java.util.List;
import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * A venue that breaks one or more rules. Carries every problem found, each tied to the field it
 * belongs to, so that a form can show it next to the field and the API can list it.
 */
public class InvalidVenue extends JiaxingException {

    private final transient List<Problem> problems;

    private InvalidVenue(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, "venue.error.invalid");
        this.problems = List.copyOf(problems);
    }

    public static InvalidVenue of(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid venue needs at least one problem");
        }
        return new InvalidVenue(problems);
    }

    public static InvalidVenue of(Problem problem) {
        return of(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One broken rule.
     *
     * @param field      the draft's field name ({@code code}, {@code longitude}, …); for lists, prefixed
     *                   by the row ({@code rows[12].code})
     * @param messageKey message bundle key, resolved with {@code args}
     */
    public record Problem(String field, String messageKey, List<Object> args) {

        public Problem {
            args = List.copyOf(args);
        }

        public static Problem of(String field, String messageKey, Object... args) {
            return new Problem(field, messageKey, List.of(args));
        }

        public Object[] argsArray() {
            return args.toArray();
        }

        public Problem inRow(int index) {
            return new Problem("rows[" + index + "]." + field, messageKey, args);
        }
    }
}
