package com.payhub.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The tables of {@code docs/benchmarks.md}, from JMH scores. JMH's error is the half-width of a
 * 99.9% confidence interval; errors of ratios and differences combine the inputs' errors in
 * quadrature (first-order propagation).
 */
final class Ratios {

  /** The target: a scheme costs at most this much over its primitive. */
  static final double TARGET_PERCENT = 5.0;

  private static final String[] REAL = {"jdk", "accp"};

  private Ratios() {}

  /** One JMH score: {@code benchmark} is {@code Class.method}. */
  record Score(String benchmark, String provider, double value, double error, String unit) {

    private String method() {
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /**
     * {@code signScheme} pairs with {@code signPrimitive}, {@code verifyScheme…} with {@code
     * verifyPrimitive}.
     */
    String primitive() {
      return benchmark.substring(0, benchmark.lastIndexOf('.') + 1)
          + (method().startsWith("sign") ? "signPrimitive" : "verifyPrimitive");
    }

    boolean isScheme() {
      return method().contains("Scheme");
    }
  }

  static String markdown(Collection<RunResult> results) {
    Map<String, Score> scores = new TreeMap<>();
    for (RunResult r : results) {
      Result<?> p = r.getPrimaryResult();
      String benchmark = r.getParams().getBenchmark().replace("com.payhub.bench.", "");
      String provider = r.getParams().getParam("provider");
      scores.put(
          key(benchmark, provider),
          new Score(benchmark, provider, p.getScore(), p.getScoreError(), p.getScoreUnit()));
    }
    return endToEnd(scores) + "\n" + ownWork(scores) + "\n" + speedUps(scores);
  }

  /** Scheme over primitive, both timed with real RSA. */
  private static String endToEnd(Map<String, Score> scores) {
    List<String> rows = new ArrayList<>();
    rows.add("| scheme | provider | scheme µs/op | primitive µs/op | scheme / primitive − 1 |");
    rows.add("|---|---|---:|---:|---:|");
    for (Score s : scores.values()) {
      Score p = s.isScheme() ? scores.get(key(s.primitive(), s.provider())) : null;
      if (p == null || !isReal(s.provider())) {
        continue;
      }
      double q = s.value() / p.value();
      double error = q * Math.hypot(s.error() / s.value(), p.error() / p.value());
      rows.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |",
              s.benchmark(),
              s.provider(),
              score(s),
              score(p),
              percent((q - 1) * 100, error * 100)));
    }
    return String.join("\n", rows) + "\n";
  }

  /**
   * The scheme's own work, timed with RSA replaced by {@link NullRsaProvider} (scheme minus
   * primitive, both under {@code none}), as a share of the real primitive's time.
   */
  private static String ownWork(Map<String, Score> scores) {
    List<String> rows = new ArrayList<>();
    rows.add(
        "| scheme | own work µs/op | over jdk primitive | ≤ 5 %? | over accp primitive | ≤ 5 %? |");
    rows.add("|---|---:|---:|---|---:|---|");
    for (Score s : scores.values()) {
      Score p = s.isScheme() ? scores.get(key(s.primitive(), Providers.NONE)) : null;
      if (p == null || !Providers.NONE.equals(s.provider())) {
        continue;
      }
      double own = s.value() - p.value();
      double ownError = Math.hypot(s.error(), p.error());
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "| %s | %.2f ± %.2f |", s.benchmark(), own, finite(ownError)));
      for (String provider : REAL) {
        Score real = scores.get(key(s.primitive(), provider));
        if (real == null) {
          row.append(" | |");
          continue;
        }
        double share = own / real.value() * 100;
        double error =
            Math.hypot(ownError / real.value(), own * real.error() / (real.value() * real.value()))
                * 100;
        row.append(' ').append(percent(share, error)).append(" | ").append(verdict(share, error));
        row.append(" |");
      }
      rows.add(row.toString());
    }
    return String.join("\n", rows) + "\n";
  }

  private static String speedUps(Map<String, Score> scores) {
    List<String> rows = new ArrayList<>();
    rows.add("| benchmark | jdk µs/op | accp µs/op | accp speed-up |");
    rows.add("|---|---:|---:|---:|");
    for (Score jdk : scores.values()) {
      Score accp = scores.get(key(jdk.benchmark(), "accp"));
      if (!"jdk".equals(jdk.provider()) || accp == null) {
        continue;
      }
      double q = jdk.value() / accp.value();
      double error = q * Math.hypot(jdk.error() / jdk.value(), accp.error() / accp.value());
      rows.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.2f× ± %.2f |",
              jdk.benchmark(),
              score(jdk),
              score(accp),
              q,
              finite(error)));
    }
    return String.join("\n", rows) + "\n";
  }

  private static String verdict(double percent, double error) {
    if (percent + finite(error) <= TARGET_PERCENT) {
      return "met";
    }
    return percent - finite(error) > TARGET_PERCENT ? "missed" : "within error";
  }

  private static String percent(double value, double error) {
    return String.format(Locale.ROOT, "%+.1f %% ± %.1f", value, finite(error));
  }

  private static String score(Score s) {
    return String.format(Locale.ROOT, "%.1f ± %.1f", s.value(), finite(s.error()));
  }

  /** JMH reports NaN as the error of a single iteration. */
  private static double finite(double error) {
    return Double.isNaN(error) ? 0 : error;
  }

  private static boolean isReal(String provider) {
    return "jdk".equals(provider) || "accp".equals(provider);
  }

  private static String key(String benchmark, String provider) {
    return benchmark + "|" + provider;
  }
}
