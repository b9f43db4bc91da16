package org.jiaxing.venue;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class VenueImportSqliteTests extends VenueImportContract {
}
