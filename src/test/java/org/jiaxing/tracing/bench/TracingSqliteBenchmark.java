package org.jiaxing.tracing.bench;

import org.springframework.boot.test.context.SpringBootTest;

/** {@code ./mvnw -o test -Dtest=TracingSqliteBenchmark -Dbench.persons=20000 -Dbench.days=7} */
@SpringBootTest
class TracingSqliteBenchmark extends TracingBenchmark {

    @Override
    boolean postgres() {
        return false;
    }
}
