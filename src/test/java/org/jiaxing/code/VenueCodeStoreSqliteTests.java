package org.jiaxing.code;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class VenueCodeStoreSqliteTests extends VenueCodeStoreContract {
}
