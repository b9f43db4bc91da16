package org.jiaxing.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.jiaxing.project.IllegalProblemTransition;
import org.jiaxing.project.ProblemStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;

/** raised → assigned → in progress → resolved → closed, or reopened; everything else refused. */
class ProblemLifecycleTests {

    @Test
    void theHappyPath() {
        ProblemStatus s = ProblemStatus.RAISED;
        s = ProblemLifecycle.next(s, ProblemAction.ASSIGN);
        assertThat(s).isEqualTo(ProblemStatus.ASSIGNED);
        s = ProblemLifecycle.next(s, ProblemAction.START);
        assertThat(s).isEqualTo(ProblemStatus.IN_PROGRESS);
        s = ProblemLifecycle.next(s, ProblemAction.RESOLVE);
        assertThat(s).isEqualTo(ProblemStatus.RESOLVED);
        s = ProblemLifecycle.next(s, ProblemAction.VERIFY);
        assertThat(s).isEqualTo(ProblemStatus.CLOSED);
    }

    @Test
    void aClosedOrResolvedProblemCanBeReopenedAndThenWorkedAgain() {
        assertThat(ProblemLifecycle.next(ProblemStatus.CLOSED, ProblemAction.REOPEN)).isEqualTo(ProblemStatus.REOPENED);
        assertThat(ProblemLifecycle.next(ProblemStatus.RESOLVED, ProblemAction.REOPEN)).isEqualTo(ProblemStatus.REOPENED);
        assertThat(ProblemLifecycle.next(ProblemStatus.REOPENED, ProblemAction.ASSIGN)).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(ProblemLifecycle.next(ProblemStatus.REOPENED, ProblemAction.START)).isEqualTo(ProblemStatus.IN_PROGRESS);
        assertThat(ProblemLifecycle.next(ProblemStatus.REOPENED, ProblemAction.RESOLVE)).isEqualTo(ProblemStatus.RESOLVED);
    }

    @ParameterizedTest
    @CsvSource({
        "RAISED, START", "RAISED, RESOLVE", "RAISED, VERIFY", "RAISED, REOPEN",
        "ASSIGNED, VERIFY", "ASSIGNED, REOPEN",
        "IN_PROGRESS, ASSIGN", "IN_PROGRESS, START", "IN_PROGRESS, VERIFY", "IN_PROGRESS, REOPEN",
        "RESOLVED, ASSIGN", "RESOLVED, START", "RESOLVED, RESOLVE",
        "CLOSED, ASSIGN", "CLOSED, START", "CLOSED, RESOLVE", "CLOSED, VERIFY",
        "REOPENED, VERIFY", "REOPENED, REOPEN"
    })
    void illegalStepsAreRefusedWithAConflict(ProblemStatus from, ProblemAction action) {
        assertThat(ProblemLifecycle.allows(from, action)).isFalse();
        assertThatThrownBy(() -> ProblemLifecycle.next(from, action))
                .isInstanceOfSatisfying(IllegalProblemTransition.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.action()).isEqualTo(action.name());
                });
    }

    @Test
    void theRefusalReadsClearlyInBothLanguages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/project");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        IllegalProblemTransition e = new IllegalProblemTransition(ProblemStatus.RAISED, "VERIFY");

        assertThat(messages.getMessage(e.messageKey(), e.messageArgs(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("问题当前状态为“待交办”，不能“确认销号”");
        assertThat(messages.getMessage(e.messageKey(), e.messageArgs(), Locale.ENGLISH))
                .isEqualTo("The problem is “Raised”: it cannot be “Verify and close”");
    }
}
