package org.jiaxing.person;

import java.util.List;
import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * Person data that breaks one or more rules. Carries every problem found, each tied to its field
 * ({@code name}, {@code phone}, {@code idNumber}, {@code reason}, {@code companion}), so a form can show
 * them all at once. The rejected values themselves are never part of it.
 */
public class InvalidPersonDetails extends JiaxingException {

    private final transient List<Problem> problems;

    private InvalidPersonDetails(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, "person.error.invalid");
        this.problems = List.copyOf(problems);
    }

    public static InvalidPersonDetails of(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("invalid person details need at least one problem");
        }
        return new InvalidPersonDetails(problems);
    }

    public static InvalidPersonDetails of(String field, String messageKey, Object... args) {
        return of(List.of(Problem.of(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One broken rule: the field and a message key resolved with {@code args}. */
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
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " " + problems.stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }
}
