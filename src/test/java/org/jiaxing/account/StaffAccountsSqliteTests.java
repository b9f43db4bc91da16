package org.jiaxing.account;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class StaffAccountsSqliteTests extends StaffAccountsContract {
}
