package org.jiaxing.checkin.web;

import org.jiaxing.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest(properties = "jiaxing.bench.enabled=true")
@AutoConfigureMockMvc
@PostgresTest
class BenchEndpointsPostgresTests extends BenchEndpointsContract {
}
