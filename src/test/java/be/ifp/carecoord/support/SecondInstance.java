package be.ifp.carecoord.support;

import be.ifp.carecoord.CarecoordApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second server instance on the database of the shared PostgreSQL test server
 * ({@link PostgresServerTest}), as a second node of a deployment would run: started once, on first
 * use, for every test class that needs one, and stopped with the test JVM. It delivers no
 * subscriptions: HAPI hands a change to whichever instance picks it up, and this one would match
 * it against the subscriptions it has loaded so far, not those a test just stored through the
 * shared server.
 */
public final class SecondInstance {

  private static ConfigurableApplicationContext context;

  private SecondInstance() {}

  /** The instance's Spring context, started on first use. */
  public static synchronized ConfigurableApplicationContext context() {
    if (context == null) {
      context = start();
      Runtime.getRuntime().addShutdownHook(new Thread(context::close, "second-instance-stop"));
    }
    return context;
  }

  /** A client of the instance, with the tests' default token (a platform with every scope). */
  public static FhirHttp http() {
    return new FhirHttp("http://localhost:" + ((WebServerApplicationContext) context()).getWebServer().getPort());
  }

  private static ConfigurableApplicationContext start() {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + PostgresServerTest.jdbcUrl(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--ifp.server.data-dir=" + dataDir(),
        "--ifp.subscriptions.enabled=false"));
    args.addAll(TestAuthority.serverArguments());
    return new SpringApplicationBuilder(CarecoordApplication.class).profiles("postgres").run(args.toArray(String[]::new));
  }

  private static String dataDir() {
    try {
      return Files.createTempDirectory("ifp-second-instance").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
