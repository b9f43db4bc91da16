package org.jiaxing.tracing.bench;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In context: {@code ./mvnw -o test -Dtest=TracingPostgresBenchmark -Dbench.persons=20000 -Dbench.days=7}.
 * On a generated city: {@code bench/run-tracing-bench.sh --db postgresql}.
 */
@SpringBootTest
@PostgresTest
class TracingPostgresBenchmark extends TracingBenchmark {

    @Override
    boolean postgres() {
        return true;
    }
}
