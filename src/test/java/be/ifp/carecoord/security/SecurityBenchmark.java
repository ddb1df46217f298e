package be.ifp.carecoord.security;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.bench.BenchmarkReport;
import be.ifp.carecoord.bench.ServerInstances;
import be.ifp.carecoord.support.EmbeddedPostgresDatabase;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.PersonFiles;
import be.ifp.carecoord.support.TestTokens;
import ca.uhn.fhir.parser.IParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What security and the audit trail cost a reader (issue 5), on PostgreSQL: server instances on one
 * database: one as in production (bearer tokens checked against a JWKS, SMART scopes, the
 * team-based access checks with their decisions kept across requests, and an AuditEvent per person
 * read), one the same without the audit, one without tokens and without the audit, and one as in
 * production but deciding every request afresh. A professional of the persons' care team reads
 * each person's CarePlan and searches the person's plans with their team included, in blocks that
 * alternate between the instances. A block on an audited instance ends when the audit trail has
 * stored its events, so the figures are of reads served and audited. Run with {@code mvn -Pbench verify -Dit.test=SecurityBenchmark}.
 */
class SecurityBenchmark {

  private static final int PERSONS = Integer.getInteger("bench.persons", 100);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 12);
  private static final int WARM_UP_ROUNDS = 2;
  /** Person files a platform stores per block, one transaction each. */
  private static final int FILES_PER_BLOCK = Integer.getInteger("bench.files-per-block", 5);
  private static final Duration AUDIT_DRAIN_LIMIT = Duration.ofMinutes(1);
  private static final IParser JSON = FhirServerAccess.FHIR.newJsonParser();

  private final ServerInstances instances = new ServerInstances();

  @AfterEach
  void stopInstances() {
    instances.close();
  }

  @Test
  void readsAndSearches_withSecurityAndAudit_onAndOff() {
    String database = EmbeddedPostgresDatabase.newDatabase();
    FhirHttp audited = instances.startWithTokens(database);
    MeterRegistry auditMeters = instances.context(0).getBean(MeterRegistry.class);
    FhirHttp secured = instances.startWithTokens(database, "--ifp.audit.enabled=false");
    FhirHttp open = instances.start(database, "--ifp.audit.enabled=false");
    FhirHttp afresh = instances.startWithTokens(database, "--ifp.security.access-cache.enabled=false");
    MeterRegistry afreshAuditMeters = instances.context(3).getBean(MeterRegistry.class);

    PersonFiles platform = new PersonFiles();
    List<String> patients = new ArrayList<>();
    List<String> plans = new ArrayList<>();
    for (int n = 0; n < PERSONS; n++) {
      HttpResponse<String> stored = open.post("/fhir", FHIR_JSON, JSON.encodeResourceToString(platform.personFile(n)));
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
      patients.add(idOf(open, "Patient?" + PersonFiles.search(platform.person(n)).replace("|", "%7C")));
      plans.add(idOf(open, "CarePlan?subject=" + patients.get(n)));
    }
    String token = TestTokens.token().fhirUser(teamProfessional(open, patients.get(0))).scope("user/*.rs")
        .validFor(Duration.ofHours(12)).mint();
    String platformToken = TestTokens.platform();
    // In the order of the table's columns.
    List<Instance> servers = List.of(new Instance(open, open, null),
        new Instance(secured.withToken(token), secured.withToken(platformToken), null),
        new Instance(audited.withToken(token), audited.withToken(platformToken), auditMeters),
        new Instance(afresh.withToken(token), afresh.withToken(platformToken), afreshAuditMeters));

    IntFunction<String> read = n -> "/fhir/" + plans.get(n);
    IntFunction<String> search = n -> "/fhir/CarePlan?subject=" + patients.get(n) + "&_include=CarePlan:care-team";
    Measured reads = new Measured(servers.size(), PERSONS);
    Measured searches = new Measured(servers.size(), PERSONS);
    Measured transactions = new Measured(servers.size(), FILES_PER_BLOCK);
    int nextPerson = PERSONS;
    for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      boolean measured = round >= 0;
      for (int pass = 0; pass < servers.size(); pass++) {
        // Who goes first rotates, so that a drift in machine load hits all alike.
        int server = Math.floorMod(round + pass, servers.size());
        Instance instance = servers.get(server);
        reads.add(server, measured, block(instance, read));
        searches.add(server, measured, block(instance, search));
        transactions.add(server, measured, personFiles(instance.writer(), platform, nextPerson));
        nextPerson += FILES_PER_BLOCK;
      }
    }

    StringBuilder body = new StringBuilder()
        .append("Four server instances (one Spring context each, in the benchmark's JVM) on one embedded ")
        .append("PostgreSQL 17 database holding ").append(PERSONS).append(" person files (the IG's Maria ")
        .append("made into person n, as in the sync benchmark). **Secured and audited**, as in production: ")
        .append("a bearer token (RS256 JWT, checked against the JWKS of a local authority), SMART scopes, ")
        .append("the team-based access checks (IFP-AC-01, 03, 04, refusal Consents) and an AuditEvent for ")
        .append("every person read (IFP-AC-05). **Secured**: the same with `ifp.audit.enabled=false`. ")
        .append("**Open**: no token (development mode, which still runs the checks, as a platform with ")
        .append("every scope) and no audit. These keep access decisions across requests, as the server ")
        .append("does by default (`ifp.security.access-cache`, docs/security.md): each round reads the same ")
        .append("persons, so the measured rounds answer from decisions kept since the warm-up, as a ")
        .append("professional's EHR reading one file after the other would. **Secured and audited, deciding ")
        .append("afresh**: the production instance with `ifp.security.access-cache.enabled=false`, every ")
        .append("request reading the person's teams, episodes and consents again.\n\n")
        .append("The client is a professional of every person's care team (`fhirUser` a PractitionerRole, ")
        .append("scope `user/*.rs`) on the secured instances. Per round, each instance serves a block of ")
        .append(PERSONS).append(" reads (`GET /fhir/CarePlan/{id}`, one per person) and a block of ")
        .append(PERSONS).append(" searches (`GET /fhir/CarePlan?subject=Patient/{id}&_include=CarePlan:care-team`); ")
        .append("and a platform (`system/*.cruds`, no `fhirUser`) stores a block of ").append(FILES_PER_BLOCK)
        .append(" new person files, one transaction Bundle each (22 entries: the person, team, plan, goals, ")
        .append("assessments, professionals by conditional create), as a sync would; ")
        .append("an audited block ends only when the audit trail has stored its ").append(PERSONS)
        .append(" AuditEvents. One client, one request at a time; ").append(WARM_UP_ROUNDS)
        .append(" warm-up rounds, then ").append(ROUNDS).append(" measured rounds, the instances taking ")
        .append("turns to go first.\n\n")
        .append("| requests | open (req/s) | secured (req/s) | secured and audited (req/s) ")
        .append("| secured and audited, deciding afresh (req/s) | p50 open (ms) | p50 secured ")
        .append("| p50 secured and audited | p50 deciding afresh | cost secured | cost secured and audited ")
        .append("| cost deciding afresh |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
        .append(reads.row("reads")).append(searches.row("searches with `_include`"))
        .append(transactions.row("person-file transactions by a platform"))
        .append("\n*Cost* is 1 − (throughput / open throughput), measured in the same run. Target ")
        .append("(issues 5 and 14): under 25 % (a ratio to open of at most 1.25) with security and audit on. ")
        .append("The secured instances apply the deny-by-default access policy of issue 14 (docs/security.md).\n");
    BenchmarkReport.write("security", "Security and audit (issues 5 and 14)",
        "mvn -Pbench verify -Dit.test=SecurityBenchmark", body.toString());
  }

  /**
   * An instance as the benchmark's clients see it (the professional who reads, the platform that
   * writes); the meters of its audit trail, if it has one.
   */
  private record Instance(FhirHttp client, FhirHttp writer, MeterRegistry auditMeters) {}

  /** Stores {@link #FILES_PER_BLOCK} new person files, one transaction each; returns their times. */
  private static Block personFiles(FhirHttp writer, PersonFiles files, int firstPerson) {
    double[] requests = new double[FILES_PER_BLOCK];
    long start = System.nanoTime();
    for (int i = 0; i < FILES_PER_BLOCK; i++) {
      String bundle = JSON.encodeResourceToString(files.personFile(firstPerson + i));
      long requestStart = System.nanoTime();
      HttpResponse<String> response = writer.post("/fhir", FHIR_JSON, bundle);
      requests[i] = (System.nanoTime() - requestStart) / 1e6;
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
    return new Block(requests, (System.nanoTime() - start) / 1e6);
  }

  /**
   * Serves one request per person; returns each request's time and the block's duration (ms), the
   * latter including, on an audited instance, the wait for the block's AuditEvents.
   */
  private static Block block(Instance instance, IntFunction<String> path) {
    FhirHttp client = instance.client();
    MeterRegistry auditMeters = instance.auditMeters();
    double written = auditMeters == null ? 0 : auditMeters.counter("ifp.audit.written").count();
    double[] requests = new double[PERSONS];
    long start = System.nanoTime();
    for (int n = 0; n < PERSONS; n++) {
      long requestStart = System.nanoTime();
      HttpResponse<String> response = client.get(path.apply(n));
      requests[n] = (System.nanoTime() - requestStart) / 1e6;
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
    if (auditMeters != null) {
      awaitAudit(auditMeters, written + PERSONS);
    }
    return new Block(requests, (System.nanoTime() - start) / 1e6);
  }

  private static void awaitAudit(MeterRegistry meters, double expected) {
    long deadline = System.nanoTime() + AUDIT_DRAIN_LIMIT.toNanos();
    while (meters.counter("ifp.audit.written").count() < expected) {
      assertThat(System.nanoTime()).as("audit trail still behind after " + AUDIT_DRAIN_LIMIT).isLessThan(deadline);
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String idOf(FhirHttp server, String search) {
    Bundle found = JSON.parseResource(Bundle.class, server.get("/fhir/" + search).body());
    assertThat(found.getEntry()).as(search).hasSize(1);
    Resource resource = found.getEntryFirstRep().getResource();
    return resource.fhirType() + "/" + resource.getIdPart();
  }

  /** A professional (PractitionerRole) in the person's team; the professionals are shared by all persons. */
  private static String teamProfessional(FhirHttp server, String patient) {
    Bundle teams = JSON.parseResource(Bundle.class, server.get("/fhir/CareTeam?subject=" + patient).body());
    CareTeam team = (CareTeam) teams.getEntryFirstRep().getResource();
    return team.getParticipant().stream().map(p -> p.getMember().getReference())
        .filter(r -> r != null && r.startsWith("PractitionerRole/")).findFirst().orElseThrow();
  }

  private record Block(double[] requests, double millis) {}

  /** The measured blocks of one kind of request, per instance (the first one the reference). */
  private static final class Measured {
    private final List<List<Block>> blocks = new ArrayList<>();
    private final int perBlock;

    Measured(int instances, int perBlock) {
      this.perBlock = perBlock;
      for (int i = 0; i < instances; i++) {
        blocks.add(new ArrayList<>());
      }
    }

    void add(int instance, boolean measured, Block block) {
      if (measured) {
        blocks.get(instance).add(block);
      }
    }

    String row(String name) {
      StringBuilder row = new StringBuilder("| ").append(name);
      blocks.forEach(b -> row.append(String.format(" | %.0f", throughput(b))));
      blocks.forEach(b -> row.append(String.format(" | %.1f", median(b))));
      double reference = throughput(blocks.get(0));
      blocks.stream().skip(1).forEach(b -> row.append(String.format(" | %.0f %%", 100 * (1 - throughput(b) / reference))));
      return row.append(" |\n").toString();
    }

    private double throughput(List<Block> blocks) {
      return blocks.size() * perBlock / (blocks.stream().mapToDouble(Block::millis).sum() / 1000);
    }

    private static double median(List<Block> blocks) {
      double[] all = blocks.stream().flatMapToDouble(b -> Arrays.stream(b.requests())).sorted().toArray();
      return all[all.length / 2];
    }
  }
}
