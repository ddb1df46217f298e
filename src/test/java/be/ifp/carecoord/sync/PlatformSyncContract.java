package be.ifp.carecoord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.PersonFiles;
import be.ifp.carecoord.sync.Platform.Pull;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A care-plan platform syncing with the server end to end over HTTP (issue 6): it loads person
 * files, edits records that an EHR edits at the same time, and pulls what changed since its last
 * sync, page by page, while others keep writing. docs/sync-client.md shows the same requests.
 */
public interface PlatformSyncContract extends FhirServerAccess {

  /** Person files a platform loads on its first day in {@link #personFiles_loadOnce_andReplaysCreateNothing}. */
  int PERSONS = 50;

  /** Person files a platform sends at the same time once the shared professionals exist. */
  int SENDERS = 4;

  @Test
  default void personFiles_loadOnce_andReplaysCreateNothing() throws Exception {
    Platform platform = new Platform(http(), new PersonFiles());
    long start = System.nanoTime();
    // The first file creates the professionals and organisations that all the others share.
    List<Bundle> responses = new ArrayList<>(List.of(platform.send(0)));
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<Bundle>> sent = new ArrayList<>();
      for (int n = 1; n < PERSONS; n++) {
        int person = n;
        sent.add(senders.submit(() -> platform.send(person)));
      }
      for (Future<Bundle> response : sent) {
        responses.add(response.get());
      }
    } finally {
      senders.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // A figure for the report, not an assertion: this machine's load varies too much for one.
    System.out.printf("PlatformSync: %d person files loaded in %.1f s (%d senders) on %s%n",
        PERSONS, took.toMillis() / 1000.0, SENDERS, getClass().getSimpleName());

    assertThat(responses).allSatisfy(response -> assertThat(response.getEntry())
        .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).matches("20[01] .*")));
    Bundle file = platform.files().personFile(0);
    Map<String, Integer> stored = storedRecords(platform.files(), file);
    assertThat(stored.get("Patient")).isEqualTo(PERSONS);
    for (BundleEntryComponent entry : file.getEntry()) {
      String type = entry.getResource().fhirType();
      int perPerson = (int) file.getEntry().stream().filter(e -> e.getResource().fhirType().equals(type)).count();
      // Shared professionals and organisations once; everything else once per person.
      assertThat(stored.get(type)).as(type).isEqualTo(PersonFiles.SHARED.contains(type) ? perPerson : perPerson * PERSONS);
    }

    Bundle replay = platform.send(0);

    assertThat(replay.getEntry()).allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("200"));
    assertThat(storedRecords(platform.files(), file)).isEqualTo(stored);
  }

  @Test
  default void editsOnBothSides_theStaleWriteGets412_andTheMergeKeepsBoth() {
    Platform platform = new Platform(http(), new PersonFiles());
    platform.send(0);
    Identifier planId = own(platform, "CarePlan", "0");
    // The EHR knows the plan by the platform's identifier too, and adds a note.
    CarePlan ehrCopy = findOne(CarePlan.class, planId);
    ehrCopy.addNote().setText("EHR: heart failure medication changed, see discharge letter");
    client().update().resource(ehrCopy).execute();

    List<Integer> attempts = platform.edit(planId, plan -> ((CarePlan) plan).setDescription("Platform: weekly review"));

    assertThat(attempts).containsExactly(412, 200);
    CarePlan stored = findOne(CarePlan.class, planId);
    assertThat(stored.getDescription()).isEqualTo("Platform: weekly review");
    assertThat(stored.getNote()).extracting(note -> note.getText())
        .contains("EHR: heart failure medication changed, see discharge letter");
    assertThat(stored.getMeta().getVersionId()).isEqualTo("3");
  }

  @Test
  default void pullsExactlyWhatChangedSinceTheLastSync_byType_history_andPerson() {
    Platform platform = new Platform(http(), new PersonFiles());
    for (int n = 0; n < 3; n++) {
      platform.send(n);
    }
    Instant lastSync = platform.pull("CarePlan?" + anyOf(platform, "CarePlan")).serverTime();

    CarePlan plan0 = findOne(CarePlan.class, own(platform, "CarePlan", "0"));
    plan0.addNote().setText("EHR: seen at home");
    String plan0v2 = updated(plan0);
    platform.edit(own(platform, "CarePlan", "2"), plan -> ((CarePlan) plan).setDescription("Platform: reviewed"));
    String plan2v2 = versionOf(platform.record(own(platform, "CarePlan", "2")));
    CareTeam team1 = findOne(CareTeam.class, own(platform, "CareTeam", "1"));
    team1.setName("Team rond persoon 1 (EHR)");
    String team1v2 = updated(team1);
    // A goal the platform added by mistake, then removed: a deletion only history shows.
    Goal extra = findOne(Goal.class, own(platform, "Goal", "1-2")).copy();
    PersonFiles.identifiers(extra).get(0).setValue("1-extra");
    extra.setId((String) null);
    HttpResponse<String> created = http().put("/fhir/Goal?" + PersonFiles.search(PersonFiles.identifiers(extra).get(0))
        .replace("|", "%7C"), FhirHttp.FHIR_JSON, Platform.json(extra));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    IdType extraId = Platform.parse(created.body(), Goal.class).getIdElement();
    assertThat(http().send(http().request("/fhir/Goal/" + extraId.getIdPart()).DELETE()).statusCode()).isEqualTo(200);

    String changedPlans = "CarePlan?_lastUpdated=gt" + lastSync + "&_count=1";
    Pull plans = platform.pull(changedPlans);
    Pull teams = platform.pull("CareTeam/_history?_since=" + lastSync);
    // One page: the system history also holds the audit trail, written in batches just after the
    // requests it records, and a batch committing between two pages shifts them (docs/sync-client.md).
    // Paging while others write is tested per type below.
    Pull everything = platform.pull("_history?_since=" + lastSync + "&_count=100");
    String person1 = platform.record(platform.files().person(1)).getIdElement().getIdPart();
    // A person's compartment, type by type: HAPI's $everything ignores _lastUpdated.
    Pull personsTeams = platform.pull("CareTeam?patient=Patient/" + person1 + "&_lastUpdated=gt" + lastSync);
    Pull personsGoals = platform.pull("Goal?patient=Patient/" + person1 + "&_lastUpdated=gt" + lastSync);

    assertThat(plans.versions()).containsExactlyInAnyOrder(plan0v2, plan2v2);
    assertThat(plans.pages()).isEqualTo(2);
    assertThat(teams.versions()).containsExactly(team1v2);
    // The system history also carries the audit trail, which the server writes as it goes
    // (docs/security.md); the platform's own records are what this pull is about.
    assertThat(everything.versions().stream().filter(version -> !version.startsWith("AuditEvent/")))
        .containsExactlyInAnyOrder(plan0v2, plan2v2, team1v2,
        "Goal/" + extraId.getIdPart() + "/_history/1", "Goal/" + extraId.getIdPart() + "/_history/2 DELETE");
    assertThat(personsTeams.versions()).containsExactly(team1v2);
    assertThat(personsGoals.versions()).isEmpty();

    // The same search again a moment later sees the newest writes: no answer from a search cache.
    CarePlan plan1 = findOne(CarePlan.class, own(platform, "CarePlan", "1"));
    plan1.addNote().setText("EHR: second visit");
    String plan1v2 = updated(plan1);
    assertThat(platform.pull(changedPlans).versions()).containsExactlyInAnyOrder(plan0v2, plan2v2, plan1v2);
  }

  @Test
  default void historySinceAnUnreadableTime_is400() {
    FhirHttp.assertOutcome(http().get("/fhir/CarePlan/_history?_since=yesterday"), 400);
    FhirHttp.assertOutcome(http().get("/fhir/_history?_since=2026-13-45"), 400);
  }

  @Test
  default void pagesStayStable_whileOthersWriteBetweenPages() {
    Platform platform = new Platform(http(), new PersonFiles());
    String goals = anyOf(platform, "Goal");
    Instant before = platform.pull("Goal?" + goals).serverTime();
    for (int n = 0; n < 5; n++) {
      platform.send(n);
    }
    List<String> loaded = platform.pull("Goal?" + goals + "&_count=100").versions();
    assertThat(loaded).hasSize(15);
    List<String> written = new ArrayList<>();
    AtomicInteger turn = new AtomicInteger();
    // Between two pages the EHR changes a goal, one already paged or one still to come.
    Runnable ehr = () -> {
      Goal goal = (Goal) client().read().resource("Goal")
          .withId(new IdType(loaded.get(turn.getAndIncrement() * 7 % loaded.size())).toVersionless()).execute();
      goal.addNote().setText("EHR note " + turn.get());
      written.add(updated(goal));
    };

    Pull search = platform.pull("Goal?_lastUpdated=gt" + before + "&_count=4", ehr);
    List<String> duringSearch = List.copyOf(written);
    Pull nextSearch = platform.pull("Goal?_lastUpdated=gt" + search.serverTime());
    Pull history = platform.pull("Goal/_history?_since=" + before + "&_count=4", ehr);
    List<String> duringHistory = written.subList(duringSearch.size(), written.size());
    Pull nextHistory = platform.pull("Goal/_history?_since=" + history.serverTime());

    assertThat(search.pages()).isEqualTo(4);
    assertThat(resourceIds(search.versions())).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(resourceIds(loaded));
    assertThat(resourceIds(nextSearch.versions())).containsExactlyInAnyOrderElementsOf(resourceIds(duringSearch));
    List<String> versionsAtFirstPage = new ArrayList<>(loaded);
    versionsAtFirstPage.addAll(duringSearch);
    assertThat(history.versions()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(versionsAtFirstPage);
    assertThat(nextHistory.versions()).containsExactlyInAnyOrderElementsOf(duringHistory);
  }

  /** The sync client a vendor copies, docs/examples/sync-client.sh, run as it is against this server. */
  @Test
  default void syncClientScript_loadsUpsertsMergesAndPulls() throws Exception {
    PersonFiles files = new PersonFiles();
    Bundle file = files.personFile(0);
    Path personFile = Files.createTempFile("person-file", ".json");
    Files.writeString(personFile, Platform.json(file));
    String plans = "CarePlan?identifier=" + files.system("CarePlan") + "|&_lastUpdated=gt{since}&_count=1";
    Path planState = Files.createTempFile("sync-state", ".txt");
    Files.delete(planState);

    assertThat(SyncClientScript.run(this, "load", personFile.toString()))
        .hasSize(file.getEntry().size()).allSatisfy(line -> assertThat(line).startsWith("201 Created "));
    assertThat(SyncClientScript.run(this, "load", personFile.toString()))
        .hasSize(file.getEntry().size()).allSatisfy(line -> assertThat(line).startsWith("200 OK "));
    List<String> firstPull = SyncClientScript.run(this, "pull", plans, planState.toString());
    Path historyState = Files.copy(planState, planState.resolveSibling(planState.getFileName() + ".history"));

    CarePlan plan = findOne(CarePlan.class, new Identifier().setSystem(files.system("CarePlan")).setValue("0"));
    String id = plan.getIdElement().getIdPart();
    plan.addNote().setText("EHR: seen at home");
    String v2 = updated(plan);
    List<String> edit = SyncClientScript.run(this, "edit", "CarePlan", id, "1", ".description = \"Script: weekly review\"");
    Goal extra = findOne(Goal.class, new Identifier().setSystem(files.system("Goal")).setValue("0")).copy();
    PersonFiles.identifiers(extra).get(0).setValue("0-extra");
    extra.setId((String) null);
    Path goalFile = Files.createTempFile("goal", ".json");
    Files.writeString(goalFile, Platform.json(extra));
    String goalSearch = PersonFiles.search(PersonFiles.identifiers(extra).get(0));
    List<String> upserted = SyncClientScript.run(this, "upsert", "Goal", goalSearch, goalFile.toString());
    List<String> upsertedAgain = SyncClientScript.run(this, "upsert", "Goal", goalSearch, goalFile.toString());

    assertThat(firstPull).containsExactly("CarePlan/" + id + "/_history/1");
    assertThat(edit).containsExactly("412", "200");
    CarePlan stored = findOne(CarePlan.class, new Identifier().setSystem(files.system("CarePlan")).setValue("0"));
    assertThat(stored.getDescription()).isEqualTo("Script: weekly review");
    assertThat(stored.getNote()).extracting(note -> note.getText()).contains("EHR: seen at home");
    assertThat(upserted).singleElement().asString().endsWith("/_history/1");
    assertThat(upsertedAgain).isEqualTo(upserted);
    assertThat(SyncClientScript.run(this, "pull", plans, planState.toString()))
        .containsExactly("CarePlan/" + id + "/_history/3");
    assertThat(SyncClientScript.run(this, "pull", "CarePlan/_history?_since={since}&_count=1", historyState.toString()))
        .containsExactlyInAnyOrder(v2, "CarePlan/" + id + "/_history/3");
  }

  /** How many of a person file's records, per type, the server holds under the platform's identifiers. */
  private Map<String, Integer> storedRecords(PersonFiles files, Bundle file) {
    Map<String, Integer> counts = new TreeMap<>();
    for (BundleEntryComponent entry : file.getEntry()) {
      String type = entry.getResource().fhirType();
      List<Identifier> identifiers = PersonFiles.identifiers(entry.getResource());
      Identifier naming = identifiers.get(identifiers.size() - 1);
      if (PersonFiles.SHARED.contains(type)) {
        counts.merge(type, count(type + "?" + PersonFiles.search(naming)), Integer::sum);
      } else if (!counts.containsKey(type)) {
        counts.put(type, count(type + "?identifier=" + naming.getSystem() + "|"));
      }
    }
    return counts;
  }

  /** The number of matches, counted afresh. */
  private int count(String search) {
    HttpResponse<String> answer = http().get("/fhir/" + search.replace("|", "%7C") + "&_summary=count",
        "Cache-Control", "no-cache");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Platform.parse(answer.body(), Bundle.class).getTotal();
  }

  private static Identifier own(Platform platform, String type, String value) {
    return new Identifier().setSystem(platform.files().system(type)).setValue(value);
  }

  /** All of the platform's records of a type: the search {@code identifier=system|}. */
  private static String anyOf(Platform platform, String type) {
    return "identifier=" + platform.files().system(type) + "|";
  }

  private <T extends Resource> T findOne(Class<T> type, Identifier identifier) {
    Bundle found = client().search().forResource(type).where(new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier")
        .exactly().systemAndCode(identifier.getSystem(), identifier.getValue())).returnBundle(Bundle.class).execute();
    assertThat(found.getEntry()).hasSize(1);
    return type.cast(found.getEntryFirstRep().getResource());
  }

  /** The EHR's update, without {@code If-Match}; returns the new {@code Type/id/_history/v}. */
  private String updated(Resource resource) {
    return client().update().resource(resource).execute().getId().toUnqualified().getValue();
  }

  private static String versionOf(Resource resource) {
    return resource.getIdElement().toUnqualified().getValue();
  }

  private static List<String> resourceIds(List<String> versions) {
    return versions.stream().map(v -> new IdType(v).toUnqualifiedVersionless().getValue()).toList();
  }
}
