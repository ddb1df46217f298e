package be.ifp.carecoord.web;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.ServletRequestTracing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One structured log line per request ({@code method path status durationMs requestId}) on the
 * logger {@value #LOGGER}, and a request id that follows the request: taken from the client's
 * {@code X-Request-ID} when it looks sane, generated otherwise, put in the logging context
 * ({@code requestId}) and handed to HAPI so that its responses and logs use the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLoggingFilter extends OncePerRequestFilter {

  static final String LOGGER = "ifp.request";
  static final String MDC_KEY = "requestId";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int GENERATED_ID_BYTES = 8;
  private static final String FHIR_PREFIX = "/fhir";

  private final SecureRandom random = new SecureRandom();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = requestIdOf(request);
    long start = System.nanoTime();
    MDC.put(MDC_KEY, requestId);
    if (!request.getRequestURI().startsWith(FHIR_PREFIX)) {
      // The FHIR servlet adds the header itself.
      response.setHeader(Constants.HEADER_REQUEST_ID, requestId);
    }
    try {
      // HAPI takes the id from this attribute before looking at headers.
      request.setAttribute(ServletRequestTracing.ATTRIBUTE_REQUEST_ID, requestId);
      chain.doFilter(request, response);
    } finally {
      long durationMs = (System.nanoTime() - start) / 1_000_000;
      // The path only: query strings carry national numbers (identifier=...|SSIN).
      log.info(
          "method={} path={} status={} durationMs={} requestId={}",
          request.getMethod(),
          request.getRequestURI(),
          response.getStatus(),
          durationMs,
          requestId);
      MDC.remove(MDC_KEY);
    }
  }

  private String requestIdOf(HttpServletRequest request) {
    String given = request.getHeader(Constants.HEADER_REQUEST_ID);
    if (given != null && SANE_ID.matcher(given).matches()) {
      return given;
    }
    byte[] bytes = new byte[GENERATED_ID_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
