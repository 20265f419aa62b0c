package com.payhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keeps a form-encoded body as the exact bytes that arrived. The servlet container would otherwise
 * parse it into request parameters on first touch, and camel-platform-http turns it into a Map; a
 * signature check needs the raw text, decoded exactly once, by PayHub. The bytes are kept in the
 * request attribute {@link #RAW_BODY}; only query-string parameters remain visible as parameters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RawFormBodyFilter extends OncePerRequestFilter {

  /** Request attribute holding the body bytes exactly as received. */
  public static final String RAW_BODY = "payhub.rawBody";

  /** Larger form bodies are refused: no channel request comes near this. */
  static final int MAX_BYTES = 256 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      response.setStatus(413);
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"urn:payhub:problem:too-large\",\"title\":\"Body too large\","
                  + "\"status\":413,\"detail\":\"form bodies are limited to "
                  + MAX_BYTES
                  + " bytes\"}");
      return;
    }
    request.setAttribute(RAW_BODY, body);
    chain.doFilter(new RawBodyRequest(request, body), response);
  }

  private static final class RawBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final Map<String, String[]> queryParameters = new LinkedHashMap<>();

    RawBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
      if (request.getQueryString() != null) {
        UriComponentsBuilder.newInstance()
            .query(request.getQueryString())
            .build(false)
            .getQueryParams()
            .forEach((k, v) -> queryParameters.put(k, v.toArray(String[]::new)));
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Hides the form type from the servlet binding only (the Content-Type header is unchanged), so
     * camel-platform-http neither parses the form nor fails on a broken %-escape before PayHub can
     * answer it properly.
     */
    @Override
    public String getContentType() {
      return "application/octet-stream";
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getParameter(String name) {
      String[] v = queryParameters.get(name);
      return v == null || v.length == 0 ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Collections.unmodifiableMap(queryParameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(queryParameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return queryParameters.get(name);
    }
  }
}
