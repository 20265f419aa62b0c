package com.payhub.crypto.camel;

import com.payhub.crypto.Credential;
import com.payhub.crypto.KeyNotFoundException;
import com.payhub.crypto.KeyRing;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * A plain Camel context (no Spring) that loads one real route file from {@code
 * src/test/resources/processors/} with a map-backed key ring bound as {@code payhubKeyRing}, as the
 * hub binds its {@code FileKeyRing}.
 */
public final class YamlRouteHarness implements AutoCloseable {

  private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
  private final CamelContext context = new DefaultCamelContext();
  private ProducerTemplate template;

  private YamlRouteHarness(String file, Map<String, Credential> initial) throws Exception {
    credentials.putAll(initial);
    KeyRing ring =
        id -> {
          Credential c = id == null ? null : credentials.get(id);
          if (c == null) {
            throw new KeyNotFoundException("no credential '" + id + "' is configured");
          }
          return c;
        };
    context.getRegistry().bind("payhubKeyRing", KeyRing.class, ring);
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.resolveResource(context, "classpath:processors/" + file));
  }

  /** Loads and starts the file's routes. */
  public static YamlRouteHarness start(String file, Map<String, Credential> credentials)
      throws Exception {
    YamlRouteHarness harness = new YamlRouteHarness(file, credentials);
    harness.context.start();
    harness.template = harness.context.createProducerTemplate();
    return harness;
  }

  /** Loads the file and returns what stopped the context from starting, or null if it started. */
  public static Throwable startFailure(String file, Map<String, Credential> credentials)
      throws Exception {
    try (YamlRouteHarness harness = new YamlRouteHarness(file, credentials)) {
      harness.context.start();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Sends a body with headers to {@code direct:<endpoint>}; the exchange keeps any exception. */
  public Exchange send(String endpoint, Object body, Map<String, Object> headers) {
    return template.send(
        "direct:" + endpoint,
        exchange -> {
          exchange.getMessage().setBody(body);
          exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
  }

  /** Replaces a credential, as a key ring reload does. */
  public void reload(Credential credential) {
    credentials.put(credential.id(), credential);
  }

  public CamelContext context() {
    return context;
  }

  /** The innermost cause, where the processors' sentences are. */
  public static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public void close() {
    context.stop();
  }
}
