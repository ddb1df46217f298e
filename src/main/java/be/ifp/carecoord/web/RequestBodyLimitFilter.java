package be.ifp.carecoord.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code ifp.web.max-request-body} with 413. A declared
 * Content-Length over the limit is refused before anything is read; otherwise the body is
 * counted while the server reads it. Gzip bodies are inflated here, under the same limit, so
 * that a small compressed body cannot expand into gigabytes further down.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final FhirContext fhirContext;

  RequestBodyLimitFilter(WebProperties properties, FhirContext fhirContext) {
    this.maxBytes = properties.maxRequestBody().toBytes();
    this.fhirContext = fhirContext;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      FhirErrorResponses.write(
          fhirContext, response, PayloadTooLargeException.STATUS_CODE, IssueType.TOOLONG,
          tooLargeMessage());
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request), response);
  }

  private String tooLargeMessage() {
    return "Request body larger than the limit of " + maxBytes + " bytes";
  }

  /** The request with a counted, and if need be inflated, body. */
  private final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final boolean gzip;
    private ServletInputStream body;

    LimitedBodyRequest(HttpServletRequest request) {
      super(request);
      this.gzip = "gzip".equalsIgnoreCase(request.getHeader(Constants.HEADER_CONTENT_ENCODING));
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        ServletInputStream raw = super.getInputStream();
        InputStream source = gzip ? new GZIPInputStream(raw) : raw;
        body = new CountingInputStream(raw, source);
      }
      return body;
    }

    @Override
    public String getHeader(String name) {
      // The body handed on is already inflated.
      if (gzip && Constants.HEADER_CONTENT_ENCODING.equalsIgnoreCase(name)) {
        return null;
      }
      return super.getHeader(name);
    }

    @Override
    public long getContentLengthLong() {
      return gzip ? -1 : super.getContentLengthLong();
    }

    @Override
    public int getContentLength() {
      return gzip ? -1 : super.getContentLength();
    }
  }

  /** Counts bytes handed out and fails once the limit is passed. */
  private final class CountingInputStream extends ServletInputStream {

    private final ServletInputStream raw;
    private final InputStream source;
    private long count;

    CountingInputStream(ServletInputStream raw, InputStream source) {
      this.raw = raw;
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      int b = source.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = source.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) {
      count += n;
      if (count > maxBytes) {
        // HAPI turns this into a 413 with an OperationOutcome.
        throw new PayloadTooLargeException(tooLargeMessage());
      }
    }

    @Override
    public boolean isFinished() {
      return raw.isFinished();
    }

    @Override
    public boolean isReady() {
      return raw.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      raw.setReadListener(listener);
    }
  }
}
