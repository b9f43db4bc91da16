package org.jiaxing.audit;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@PostgresTest
class AuditLogPostgresTests extends AuditLogContract {
}
