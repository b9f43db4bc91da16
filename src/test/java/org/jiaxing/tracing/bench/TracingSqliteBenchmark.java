package org.jiaxing.tracing.bench;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * In context: {@code ./mvnw -o test -Dtest=TracingSqliteBenchmark -Dbench.persons=20000 -Dbench.days=7}.
 * On a generated city: {@code bench/run-tracing-bench.sh --db sqlite}.
 */
@SpringBootTest
class TracingSqliteBenchmark extends TracingBenchmark {

    @Override
    boolean postgres() {
        return false;
    }
}
