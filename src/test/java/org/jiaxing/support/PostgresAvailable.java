package org.jiaxing.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips PostgreSQL tests when no server answers, except under CI where that is a failure. */
class PostgresAvailable implements ExecutionCondition {

    private static volatile Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable == null) {
            reachable = PostgresTestDatabase.reachable();
        }
        if (reachable) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + PostgresTestDatabase.HOST);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but PostgreSQL is not reachable at " + PostgresTestDatabase.HOST
                    + "; start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + PostgresTestDatabase.HOST
                + " (skipped locally; CI=true makes this a failure)");
    }
}
