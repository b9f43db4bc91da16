package org.jiaxing.person.domain;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PersonKeyRotationSqliteTests extends PersonKeyRotationContract {
}
