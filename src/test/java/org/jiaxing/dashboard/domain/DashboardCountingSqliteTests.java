package org.jiaxing.dashboard.domain;

import org.jiaxing.support.MutableClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = "jiaxing.dashboard.flush-interval=1h")
@Import(MutableClockConfiguration.class)
class DashboardCountingSqliteTests extends DashboardCountingContract {
}
