package org.jiaxing.checkin.domain;

import org.jiaxing.checkin.MutableClockConfiguration;
import org.jiaxing.checkin.RecordedEvents;
import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@PostgresTest
@Import({MutableClockConfiguration.class, RecordedEvents.class})
class PresenceIndexPostgresTests extends PresenceIndexContract {
}
