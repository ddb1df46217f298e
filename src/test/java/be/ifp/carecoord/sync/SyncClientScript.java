package be.ifp.carecoord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** docs/examples/sync-client.sh, the sync client of the documentation, run with bash against a test server. */
final class SyncClientScript {

  static final Path SCRIPT = Path.of("docs", "examples", "sync-client.sh");

  private static final long TIMEOUT_SECONDS = 120;

  private SyncClientScript() {}

  /** Runs one command of the script; returns the lines it printed, after asserting it succeeded. */
  static List<String> run(FhirServerAccess server, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line);
    builder.environment().put("BASE", server.fhirBase());
    builder.environment().put("TOKEN", TestTokens.platform());
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s finished", line).isTrue();
    String output = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("%s: %s%s", line, output, new String(err, StandardCharsets.UTF_8)).isZero();
    return output.lines().toList();
  }
}
