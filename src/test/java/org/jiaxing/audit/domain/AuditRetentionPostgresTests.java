package org.jiaxing.audit.domain;

import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {AuditRetentionContract.PROPERTIES, AuditRetentionContract.CHUNK})
@PostgresTest
@Import(MutableClockConfiguration.class)
class AuditRetentionPostgresTests extends AuditRetentionContract {
}
