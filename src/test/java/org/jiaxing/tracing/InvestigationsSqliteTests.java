package org.jiaxing.tracing;

import org.jiaxing.support.MutableClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(MutableClockConfiguration.class)
class InvestigationsSqliteTests extends InvestigationsContract {
}
