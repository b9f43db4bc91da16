package org.jiaxing.person.domain;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@PostgresTest
class PersonKeyRotationPostgresTests extends PersonKeyRotationContract {
}
