package org.jiaxing.audit.domain;

import org.jiaxing.support.MutableClockConfiguration;
import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** The same purge run by the application role, which may neither delete audit entries nor move the anchor. */
@SpringBootTest(properties = {AuditRetentionContract.PROPERTIES, AuditRetentionContract.CHUNK,
        "jiaxing.test.split-roles=true"})
@PostgresTest
@Import(MutableClockConfiguration.class)
// no other class shares this context: closing it at once gives its connections back and drops its roles
@DirtiesContext
class AuditRetentionSplitRolesPostgresTests extends AuditRetentionContract {
}
