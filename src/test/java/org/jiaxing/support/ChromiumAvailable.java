package org.jiaxing.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

class ChromiumAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.available()) {
            return ConditionEvaluationResult.enabled("Chromium at " + Browser.CHROMIUM);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Chromium is missing at " + Browser.CHROMIUM
                    + "; install Debian's chromium package (.ci/run does)");
        }
        return ConditionEvaluationResult.disabled("Chromium not installed at " + Browser.CHROMIUM);
    }
}
