package org.jiaxing.tracing.bench;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code ./mvnw -o test -Dtest=TracingPostgresBenchmark -Dbench.persons=20000 -Dbench.days=7} */
@SpringBootTest
@PostgresTest
class TracingPostgresBenchmark extends TracingBenchmark {

    @Override
    boolean postgres() {
        return true;
    }
}
