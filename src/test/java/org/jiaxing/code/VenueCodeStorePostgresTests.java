package org.jiaxing.code;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@PostgresTest
class VenueCodeStorePostgresTests extends VenueCodeStoreContract {
}
