package org.jiaxing.tracing;

import java.util.List;
import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * An investigation (or a rule change) that cannot be started as given; every problem is reported, each
 * with its field or the line of the uploaded file.
 */
public class InvalidInvestigation extends JiaxingException {

    private final transient List<Problem> problems;

    private InvalidInvestigation(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, "tracing.error.invalid");
        this.problems = List.copyOf(problems);
    }

    public static InvalidInvestigation of(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid investigation needs at least one problem");
        }
        return new InvalidInvestigation(problems);
    }

    public static InvalidInvestigation of(String field, String messageKey, Object... args) {
        return of(List.of(Problem.of(field, 0, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " " + problems.stream().map(p -> p.field() + "@" + p.line() + ":" + p.messageKey())
                .toList();
    }

    /**
     * One broken rule.
     *
     * @param field {@code reason}, {@code asOf}, {@code cases}, {@code case}, {@code from}, {@code to},
     *              {@code file}, or a rule parameter
     * @param line  the line of the uploaded file or the position of the case (1-based); 0 when not about one
     */
    public record Problem(String field, int line, String messageKey, List<Object> args) {

        public Problem {
            args = List.copyOf(args);
        }

        public static Problem of(String field, int line, String messageKey, Object... args) {
            return new Problem(field, line, messageKey, List.of(args));
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }
}
