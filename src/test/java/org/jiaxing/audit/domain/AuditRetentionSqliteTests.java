package org.jiaxing.audit.domain;

import org.jiaxing.support.MutableClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {AuditRetentionContract.PROPERTIES, AuditRetentionContract.CHUNK})
@Import(MutableClockConfiguration.class)
class AuditRetentionSqliteTests extends AuditRetentionContract {
}
