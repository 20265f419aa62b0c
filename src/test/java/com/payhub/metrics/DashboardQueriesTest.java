package com.payhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardQueriesTest {

  @Test
  void findsTheMetricNamesOfAnExpression() {
    assertThat(
            DashboardQueries.metricNames(
                "histogram_quantile(0.95, sum by (le, channel) (rate(payhub_channel_call_seconds_bucket"
                    + "{instance=~\"$instance\", queue=~\"DLQ\\\\..*\"}[$__rate_interval])))"))
        .containsExactly("payhub_channel_call_seconds_bucket");
    assertThat(
            DashboardQueries.metricNames(
                "sum(rate(a_sum[5m])) without (x) / on (y) group_left sum(rate(a_count{z=\"w\"}[1h]"
                    + " offset 5m)) > bool 1e3 and b_total unless c:recorded"))
        .containsExactly("a_count", "a_sum", "b_total", "c:recorded");
    assertThat(DashboardQueries.metricNames("max by (queue) (payhub_queue_depth) * 2"))
        .containsExactly("payhub_queue_depth");
  }
}
