package org.jiaxing.audit;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class AuditLogSqliteTests extends AuditLogContract {
}
