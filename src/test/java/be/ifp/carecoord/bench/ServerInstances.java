package be.ifp.carecoord.bench;

import be.ifp.carecoord.CarecoordApplication;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Server instances for a benchmark: each a Spring context of its own in the benchmark's JVM, on
 * a random port, on a PostgreSQL database the instances may share, with request logging quiet.
 * {@link #start} serves requests without tokens (development mode), for benchmarks that do not
 * measure security; {@link #startWithTokens} asks for tokens of the tests' authority. Closing
 * stops them all.
 */
public final class ServerInstances implements AutoCloseable {

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  /**
   * Starts an instance on the database that serves requests without tokens, with these settings
   * ({@code --key=value}) on top.
   */
  public FhirHttp start(String jdbcUrl, String... settings) {
    return run(jdbcUrl, Stream.concat(Stream.of("--ifp.security.mode=development"), Stream.of(settings)))
        .withoutToken();
  }

  /**
   * Starts an instance on the database that asks for bearer tokens from {@link TestAuthority}, as
   * in production; the client returned has none yet.
   */
  public FhirHttp startWithTokens(String jdbcUrl, String... settings) {
    return run(jdbcUrl, Stream.concat(TestAuthority.serverArguments().stream(), Stream.of(settings)))
        .withoutToken();
  }

  private FhirHttp run(String jdbcUrl, Stream<String> settings) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CarecoordApplication.class)
        .profiles("postgres")
        .run(Stream.concat(Stream.of(
            "--server.port=0",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--ifp.server.data-dir=" + newDataDir(),
            "--logging.level.ifp.request=WARN"), settings).toArray(String[]::new));
    contexts.add(context);
    return new FhirHttp("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
  }

  /** The Spring context of the n-th instance started. */
  public ConfigurableApplicationContext context(int n) {
    return contexts.get(n);
  }

  @Override
  public void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
    contexts.clear();
  }

  private static String newDataDir() {
    try {
      return Files.createTempDirectory("ifp-bench").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
