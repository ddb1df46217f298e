package be.ifp.carecoord.bench;

import be.ifp.carecoord.CarecoordApplication;
import be.ifp.carecoord.support.FhirHttp;
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
 * a random port, on a PostgreSQL database the instances may share, with request logging quiet
 * and in development mode (requests without tokens): security is not what the benchmarks that
 * use this measure. Closing stops them all.
 */
public final class ServerInstances implements AutoCloseable {

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  /** Starts an instance on the database, with these settings ({@code --key=value}) on top. */
  public FhirHttp start(String jdbcUrl, String... settings) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CarecoordApplication.class)
        .profiles("postgres")
        .run(Stream.concat(Stream.of(
            "--server.port=0",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--ifp.server.data-dir=" + newDataDir(),
            "--ifp.security.mode=development",
            "--logging.level.ifp.request=WARN"), Stream.of(settings)).toArray(String[]::new));
    contexts.add(context);
    return new FhirHttp("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort())
        .withoutToken();
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
