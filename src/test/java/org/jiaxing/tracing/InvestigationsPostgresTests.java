package org.jiaxing.tracing;

import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@PostgresTest
@Import(MutableClockConfiguration.class)
class InvestigationsPostgresTests extends InvestigationsContract {
}
