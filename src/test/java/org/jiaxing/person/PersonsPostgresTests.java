package org.jiaxing.person;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@PostgresTest
class PersonsPostgresTests extends PersonsContract {
}
