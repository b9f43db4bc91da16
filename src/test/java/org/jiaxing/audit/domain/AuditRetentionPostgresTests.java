package org.jiaxing.audit.domain;

import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(properties = {AuditRetentionContract.PROPERTIES, AuditRetentionContract.CHUNK})
@PostgresTest
@Import(MutableClockConfiguration.class)
// no other class shares this context: closing it at once gives its connections back
@DirtiesContext
class AuditRetentionPostgresTests extends AuditRetentionContract {
}
