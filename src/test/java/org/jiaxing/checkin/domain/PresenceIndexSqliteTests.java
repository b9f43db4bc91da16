package org.jiaxing.checkin.domain;

import org.jiaxing.checkin.MutableClockConfiguration;
import org.jiaxing.checkin.RecordedEvents;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import({MutableClockConfiguration.class, RecordedEvents.class})
class PresenceIndexSqliteTests extends PresenceIndexContract {
}
