package org.jiaxing.audit.domain;

import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The same purge run by the application role, which may neither delete audit entries nor move the anchor. */
@SpringBootTest(properties = {AuditRetentionContract.PROPERTIES, AuditRetentionContract.CHUNK,
        "jiaxing.test.split-roles=true"})
@PostgresTest
@Import(MutableClockConfiguration.class)
class AuditRetentionSplitRolesPostgresTests extends AuditRetentionContract {
}
