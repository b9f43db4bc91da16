package org.jiaxing.health;

import java.util.List;
import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A status assignment that breaks one or more rules; every problem is tied to its field. */
public class InvalidHealthStatus extends JiaxingException {

    private final transient List<Problem> problems;

    private InvalidHealthStatus(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, "health.error.invalid");
        this.problems = List.copyOf(problems);
    }

    public static InvalidHealthStatus of(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid status needs at least one problem");
        }
        return new InvalidHealthStatus(problems);
    }

    public static InvalidHealthStatus of(String field, String messageKey, Object... args) {
        return of(List.of(Problem.of(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " " + problems.stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    /** One broken rule: the field ({@code colour}, {@code reason}, {@code until}) and a message key. */
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
}
