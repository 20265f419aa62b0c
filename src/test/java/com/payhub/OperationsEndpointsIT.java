package com.payhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What ops probe: liveness and readiness groups, and the Prometheus scrape. */
class OperationsEndpointsIT extends HubTestSupport {

  @Test
  void livenessAndReadinessAreUp() {
    HttpResponse<String> live = get("/actuator/health/liveness");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"status\":\"UP\"");
    HttpResponse<String> ready = get("/actuator/health/readiness");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void prometheusExposesCamelRouteMetrics() {
    post("/api/v1/payments", "application/json", Samples.canonical("OPS12345", null));
    HttpResponse<String> r = get("/actuator/prometheus");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("application=\"payhub\"");
    assertThat(r.body())
        .containsPattern("camel_exchanges_total\\{.*routeId=\"ingest-http-canonical\"");
  }
}
