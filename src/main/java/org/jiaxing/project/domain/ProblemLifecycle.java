package org.jiaxing.project.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jiaxing.project.IllegalProblemTransition;
import org.jiaxing.project.ProblemStatus;

/**
 * raised → assigned → in progress → resolved → closed (verified), or reopened. Which action is allowed from
 * which status; anything else is refused with {@link IllegalProblemTransition}.
 */
public final class ProblemLifecycle {

    private static final Map<ProblemAction, Set<ProblemStatus>> ALLOWED_FROM = Map.of(
            ProblemAction.ASSIGN, EnumSet.of(ProblemStatus.RAISED, ProblemStatus.ASSIGNED, ProblemStatus.REOPENED),
            ProblemAction.START, EnumSet.of(ProblemStatus.ASSIGNED, ProblemStatus.REOPENED),
            ProblemAction.RESOLVE, EnumSet.of(ProblemStatus.ASSIGNED, ProblemStatus.IN_PROGRESS, ProblemStatus.REOPENED),
            ProblemAction.VERIFY, EnumSet.of(ProblemStatus.RESOLVED),
            ProblemAction.REOPEN, EnumSet.of(ProblemStatus.RESOLVED, ProblemStatus.CLOSED));

    private static final Map<ProblemAction, ProblemStatus> RESULT = Map.of(
            ProblemAction.ASSIGN, ProblemStatus.ASSIGNED,
            ProblemAction.START, ProblemStatus.IN_PROGRESS,
            ProblemAction.RESOLVE, ProblemStatus.RESOLVED,
            ProblemAction.VERIFY, ProblemStatus.CLOSED,
            ProblemAction.REOPEN, ProblemStatus.REOPENED);

    private ProblemLifecycle() {
    }

    public static boolean allows(ProblemStatus from, ProblemAction action) {
        return ALLOWED_FROM.get(action).contains(from);
    }

    public static ProblemStatus next(ProblemStatus from, ProblemAction action) {
        if (!allows(from, action)) {
            throw new IllegalProblemTransition(from, action.name());
        }
        return RESULT.get(action);
    }
}
