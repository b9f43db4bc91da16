package org.jiaxing.account;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@PostgresTest
class StaffAccountsPostgresTests extends StaffAccountsContract {
}
