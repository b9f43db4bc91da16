package org.jiaxing.project;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** A problem lifecycle step that its current status does not allow (e.g. closing a problem nobody resolved). */
public class IllegalProblemTransition extends JiaxingException {

    private final ProblemStatus from;
    private final String action;

    public IllegalProblemTransition(ProblemStatus from, String action) {
        super(HttpStatus.CONFLICT, "project.error.transition",
                new DefaultMessageSourceResolvable("project.problem.status." + from.name()),
                new DefaultMessageSourceResolvable("project.problem.action." + action));
        this.from = from;
        this.action = action;
    }

    public ProblemStatus from() {
        return from;
    }

    public String action() {
        return action;
    }
}
