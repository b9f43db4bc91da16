package org.jiaxing.checkin.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest(properties = "jiaxing.bench.enabled=true")
@AutoConfigureMockMvc
class BenchEndpointsSqliteTests extends BenchEndpointsContract {
}
