package org.jiaxing.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jiaxing.project.ProblemStatus;

/** One entry of a problem's history: a transition, a supervision note, an escalation or a daily overdue flag. */
public record ProblemEvent(long id, long problemId, String kind, ProblemStatus from, ProblemStatus to, String actor,
        String note, LocalDate day, Instant at) {
}
