package org.jiaxing.person;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PersonsSqliteTests extends PersonsContract {
}
