package org.jiaxing.venue;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@PostgresTest
class VenueImportPostgresTests extends VenueImportContract {
}
