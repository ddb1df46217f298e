package be.ifp.carecoord.rules.server;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleCatalogue;
import be.ifp.carecoord.rules.RuleCatalogueCodeSystem;
import be.ifp.carecoord.rules.Severity;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.StoredResources;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The IFP rules through the real REST API: every rule example of the IG refused (or stored with a
 * warning) with the rule's coded issue at the documented element, on every write path, in the
 * client's language, in {@code $validate}, and re-checked when what it depends on changes.
 * Each test starts from Maria's valid file and leaves it as it found it.
 */
public interface RulesContract extends FhirServerAccess {

  String PREFER_OUTCOME = "return=OperationOutcome";

  /**
   * Rules whose check itself differs per entity, not only its severity: IFP-CC-01's example
   * breaks the Flemish form (never the same individual), which WAL and BXL allow for periods
   * that do not overlap; the unit tests cover each entity's form.
   */
  java.util.Set<String> CHECK_DEPENDS_ON_ENTITY = java.util.Set.of("IFP-CC-01");

  @TestFactory
  default Stream<DynamicTest> ruleExamples_areRefusedWithTheRuleAtTheBrokenElement() {
    ConformanceExamples.loadValid(this);
    return ConformanceExamples.ruleExamples(ConformanceExamples.INVALID).entrySet().stream().map(example ->
        DynamicTest.dynamicTest(example.getKey().getFileName().toString(), () -> {
          Resource resource = parse(example.getKey());
          Map<String, Integer> before = counts(resource);

          HttpResponse<String> response = write(resource);

          OperationOutcome outcome = FhirHttp.assertOutcome(response, 422);
          assertRuleIssue(outcome, ConformanceExamples.ruleIdOf(example.getKey()), IssueSeverity.ERROR,
              example.getValue());
          assertThat(counts(resource)).as("nothing stored").isEqualTo(before);
        }));
  }

  @TestFactory
  default Stream<DynamicTest> warningExamples_areStoredAndTheWarningReturned() {
    return ConformanceExamples.ruleExamples(ConformanceExamples.WARNING).entrySet().stream().map(example ->
        DynamicTest.dynamicTest(example.getKey().getFileName().toString(), () -> {
          ConformanceExamples.loadValid(this);

          HttpResponse<String> response = write(parse(example.getKey()), "Prefer", PREFER_OUTCOME);

          assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
          assertRuleIssue(issuesOf(response), ConformanceExamples.ruleIdOf(example.getKey()),
              IssueSeverity.WARNING, example.getValue());
          undo(response);
        }));
  }

  /**
   * The rule examples whose rule is not equally severe in every entity, moved to each entity:
   * refused where the catalogue says error, stored with a warning where it says warning, and
   * silent where the rule is off.
   */
  @TestFactory
  default Stream<DynamicTest> ruleExamples_inEachEntity_followTheCatalogueSeverity() {
    Map<Path, List<String>> examples = new LinkedHashMap<>(ConformanceExamples.ruleExamples(ConformanceExamples.INVALID));
    examples.putAll(ConformanceExamples.ruleExamples(ConformanceExamples.WARNING));
    return examples.entrySet().stream()
        .filter(example -> !sameEverywhere(rule(ConformanceExamples.ruleIdOf(example.getKey())))
            && !CHECK_DEPENDS_ON_ENTITY.contains(ConformanceExamples.ruleIdOf(example.getKey())))
        .flatMap(example -> Arrays.stream(Entity.values()).map(entity ->
            DynamicTest.dynamicTest(example.getKey().getFileName() + " in " + entity, () -> {
              ConformanceExamples.loadValid(this);
              String ruleId = ConformanceExamples.ruleIdOf(example.getKey());
              Severity severity = rule(ruleId).defaultSeverities().of(entity);
              Resource moved = parse(ConformanceExamples.read(example.getKey())
                  .replaceAll("(\"code\"\\s*:\\s*\")(VL|WAL|BXL|DG)(\")", "$1" + entity + "$3"));

              HttpResponse<String> response = write(moved, "Prefer", PREFER_OUTCOME);

              try {
                OperationOutcome outcome = issuesOf(response);
                switch (severity) {
                  case ERROR -> {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
                    assertRuleIssue(outcome, ruleId, IssueSeverity.ERROR, example.getValue());
                  }
                  case WARNING -> assertRuleIssue(outcome, ruleId, IssueSeverity.WARNING, example.getValue());
                  case OFF -> assertThat(outcome.getIssue()).noneMatch(issue -> hasRule(issue, ruleId));
                }
              } finally {
                if (response.statusCode() < 300) {
                  undo(response);
                }
              }
            })));
  }

  @Test
  default void validExamples_passEveryRule() {
    ConformanceExamples.loadValid(this);
  }

  @Test
  default void patchRemovingThePersonFromTheirTeam_isRefusedAndLeavesTheTeam() {
    ConformanceExamples.loadValid(this);
    String versionBefore = read("CareTeam/team-with-reimbursable-coordinator").getMeta().getVersionId();

    HttpResponse<String> response = http().patch("/fhir/CareTeam/team-with-reimbursable-coordinator",
        "application/json-patch+json", "[{\"op\":\"remove\",\"path\":\"/participant/0\"}]");

    assertRuleIssue(FhirHttp.assertOutcome(response, 422), "IFP-TM-01", IssueSeverity.ERROR,
        List.of("CareTeam.participant"));
    assertThat(read("CareTeam/team-with-reimbursable-coordinator").getMeta().getVersionId())
        .isEqualTo(versionBefore);
  }

  @Test
  default void revokingTheCoordinatorAgreement_whileTheCoordinatorIsActive_isRefused() {
    ConformanceExamples.loadValid(this);
    Consent agreement = (Consent) read("Consent/coordinator-agreement-by-maria");
    agreement.setStatus(Consent.ConsentState.INACTIVE);

    HttpResponse<String> response = http().put("/fhir/Consent/coordinator-agreement-by-maria", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(agreement));

    OperationOutcome outcome = FhirHttp.assertOutcome(response, 422);
    assertRuleIssue(outcome, "IFP-TM-06", IssueSeverity.ERROR, List.of("CareTeam.participant[5]"));
    assertThat(outcome.getIssue()).anySatisfy(issue ->
        assertThat(issue.getDiagnostics()).contains("CareTeam/team-with-reimbursable-coordinator"));
    assertThat(((Consent) read("Consent/coordinator-agreement-by-maria")).getStatus())
        .isEqualTo(Consent.ConsentState.ACTIVE);
  }

  @Test
  default void deletingTheCaseManagementConsent_whileTheEpisodeRuns_isRefused() {
    ConformanceExamples.loadValid(this);

    HttpResponse<String> response = http().send(http().request("/fhir/Consent/case-management-consent-by-maria").DELETE());

    assertRuleIssue(FhirHttp.assertOutcome(response, 422), "IFP-CM-05", IssueSeverity.ERROR, List.of());
    assertThat(read("Consent/case-management-consent-by-maria").getIdElement().getIdPart())
        .isEqualTo("case-management-consent-by-maria");
  }

  @Test
  default void endingTheCoordinatorsPeriod_isAcceptedAndAfterwardsTheAgreementMayBeRevoked() {
    ConformanceExamples.loadValid(this);
    CareTeam team = (CareTeam) read("CareTeam/team-with-reimbursable-coordinator");
    team.getParticipant().get(5).getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-10-31"));
    assertThat(put(team).statusCode()).isEqualTo(200);
    Consent agreement = (Consent) read("Consent/coordinator-agreement-by-maria");
    agreement.setStatus(Consent.ConsentState.INACTIVE);

    HttpResponse<String> revoked = put(agreement);

    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    ConformanceExamples.loadValid(this);
  }

  @Test
  default void finishingTheEpisode_needsAnEndReason() {
    ConformanceExamples.loadValid(this);
    EpisodeOfCare episode = (EpisodeOfCare) read("EpisodeOfCare/case-management-with-interim-coordination");
    episode.setStatus(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    episode.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20"));

    assertRuleIssue(FhirHttp.assertOutcome(put(episode), 422), "IFP-CM-08", IssueSeverity.ERROR, List.of());

    episode.addExtension(IfpData.CM_END_REASON, new org.hl7.fhir.r4.model.CodeableConcept(new Coding(
        RuleCatalogue.SYSTEM.replace("ifp-rule", "ifp-cm-end-reason"), "stabilised-handover", null)));
    HttpResponse<String> finished = put(episode);
    assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
    ConformanceExamples.loadValid(this);
  }

  @Test
  default void severity_dependsOnTheTeamsEntity() {
    ConformanceExamples.loadValid(this);
    CareTeam walloonTeam = (CareTeam) parse(ConformanceExamples.INVALID.resolve(
        "CareTeam-ifp-tm-03-coordinator-twice-overlapping.json"));
    walloonTeam.setId((String) null);
    ((Coding) walloonTeam.getExtensionByUrl(IfpData.ENTITY).getValue()).setCode(Entity.WAL.name());

    HttpResponse<String> response = http().post("/fhir/CareTeam", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(walloonTeam), "Prefer", PREFER_OUTCOME);

    assertThat(response.statusCode()).as("WAL: IFP-TM-03 is a warning; %s", response.body()).isEqualTo(201);
    assertRuleIssue(FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()),
        "IFP-TM-03", IssueSeverity.WARNING, List.of("CareTeam.participant[6]"));
    delete(response.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/fhir/", "").replaceAll("/_history/.*", ""));
  }

  @Test
  default void messages_comeInTheClientsLanguage() {
    ConformanceExamples.loadValid(this);
    Path example = ConformanceExamples.INVALID.resolve("CareTeam-ifp-tm-01-person-not-in-team.json");
    Rule rule = RuleCatalogue.all().stream().filter(r -> r.id().equals("IFP-TM-01")).findFirst().orElseThrow();

    for (Language language : Language.values()) {
      Resource team = parse(example);
      HttpResponse<String> response = http().post("/fhir/CareTeam", FHIR_JSON,
          FHIR.newJsonParser().encodeResourceToString(team), "Accept-Language", language.tag() + "-BE, en;q=0.5");

      OperationOutcomeIssueComponent issue = ruleIssue(FhirHttp.assertOutcome(response, 422), "IFP-TM-01");
      assertThat(issue.getDetails().getText()).as(language.tag())
          .isEqualTo(rule.message("subject-not-participant").format(language, "Patient/maria"));
      assertThat(issue.getDiagnostics())
          .startsWith(rule.message("subject-not-participant").format(Language.EN, "Patient/maria"))
          .contains(rule.source());
    }
  }

  @Test
  default void validateOperation_reportsTheRulesAndStoresNothing() {
    ConformanceExamples.loadValid(this);
    Resource team = parse(ConformanceExamples.INVALID.resolve("CareTeam-ifp-tm-01-person-not-in-team.json"));
    int before = StoredResources.count(this, "CareTeam");

    HttpResponse<String> response = http().post("/fhir/CareTeam/$validate", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(team));

    assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertRuleIssue(outcome, "IFP-TM-01", IssueSeverity.ERROR, List.of("CareTeam.participant"));
    assertThat(StoredResources.count(this, "CareTeam")).isEqualTo(before);
  }

  @Test
  default void validateOperation_onATransaction_seesItsEntriesTogether() {
    ConformanceExamples.loadValid(this);
    Path example = ConformanceExamples.INVALID.resolve("Bundle-ifp-tm-06-coordinator-without-agreement.json");

    HttpResponse<String> response = http().post("/fhir/Bundle/$validate", FHIR_JSON, ConformanceExamples.read(example));

    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertRuleIssue(outcome, "IFP-TM-06", IssueSeverity.ERROR, ConformanceExamples.ruleExamples(
        ConformanceExamples.INVALID).get(example));
  }

  @Test
  default void catalogue_isServedAsTheIfpRuleCodeSystem() {
    Bundle found = client().search().byUrl("CodeSystem?url=" + RuleCatalogue.SYSTEM)
        .returnBundle(Bundle.class).execute();

    assertThat(found.getEntry()).hasSize(1);
    CodeSystem served = (CodeSystem) found.getEntryFirstRep().getResource();
    CodeSystem expected = RuleCatalogueCodeSystem.of(RuleCatalogue.all(), served.getVersion(), "2026-11-23");
    assertThat(served.getConcept()).hasSameSizeAs(expected.getConcept());
    for (int i = 0; i < expected.getConcept().size(); i++) {
      CodeSystem.ConceptDefinitionComponent want = expected.getConcept().get(i);
      CodeSystem.ConceptDefinitionComponent got = served.getConcept().get(i);
      assertThat(got.getCode()).isEqualTo(want.getCode());
      assertThat(got.getDisplay()).isEqualTo(want.getDisplay());
      assertThat(got.getDefinition()).isEqualTo(want.getDefinition());
      assertThat(got.getProperty().stream().map(p -> p.getCode() + "=" + p.getValue().primitiveValue()))
          .containsExactlyElementsOf(want.getProperty().stream()
              .map(p -> p.getCode() + "=" + p.getValue().primitiveValue()).toList());
    }
  }

  private static void assertRuleIssue(OperationOutcome outcome, String ruleId, IssueSeverity severity,
      List<String> expectedPaths) {
    OperationOutcomeIssueComponent issue = ruleIssue(outcome, ruleId);
    assertThat(issue.getSeverity()).as("severity of %s", ruleId).isEqualTo(severity);
    assertThat(issue.getDetails().getText()).isNotBlank();
    if (!expectedPaths.isEmpty()) {
      assertThat(outcome.getIssue().stream()
          .filter(i -> hasRule(i, ruleId))
          .flatMap(i -> i.getExpression().stream().map(e -> e.getValue())))
          .as("expression of %s", ruleId)
          .containsAnyElementsOf(expectedPaths);
    }
  }

  private static OperationOutcomeIssueComponent ruleIssue(OperationOutcome outcome, String ruleId) {
    return outcome.getIssue().stream().filter(i -> hasRule(i, ruleId)).findFirst()
        .orElseThrow(() -> new AssertionError("No issue of " + ruleId + " in "
            + FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(outcome)));
  }

  private static boolean hasRule(OperationOutcomeIssueComponent issue, String ruleId) {
    return issue.getDetails().getCoding().stream()
        .anyMatch(c -> RuleCatalogue.SYSTEM.equals(c.getSystem()) && ruleId.equals(c.getCode()));
  }

  private static Resource parse(Path file) {
    return parse(ConformanceExamples.read(file));
  }

  private static Resource parse(String json) {
    return (Resource) FHIR.newJsonParser().parseResource(json);
  }

  private static Rule rule(String id) {
    return RuleCatalogue.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static boolean sameEverywhere(Rule rule) {
    return Arrays.stream(Entity.values()).map(e -> rule.defaultSeverities().of(e)).distinct().count() == 1;
  }

  /** Every issue of the response: its OperationOutcome, or the outcomes of a Bundle's entries. */
  private static OperationOutcome issuesOf(HttpResponse<String> response) {
    Resource answer = parse(response.body());
    if (answer instanceof OperationOutcome outcome) {
      return outcome;
    }
    OperationOutcome all = new OperationOutcome();
    for (Bundle.BundleEntryComponent entry : ((Bundle) answer).getEntry()) {
      if (entry.getResponse().getOutcome() instanceof OperationOutcome outcome) {
        all.getIssue().addAll(outcome.getIssue());
      }
    }
    return all;
  }

  /** Deletes what a successful write created (newest first) and restores Maria's file. */
  private void undo(HttpResponse<String> response) {
    List<String> created = new ArrayList<>();
    if (parse(response.body()) instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        if (entry.getResponse().getStatus().startsWith("201")) {
          created.add(entry.getResponse().getLocation().replaceAll("/_history/.*", ""));
        }
      }
    } else {
      response.headers().firstValue("Location")
          .ifPresent(l -> created.add(l.substring(l.indexOf("/fhir/") + 6).replaceAll("/_history/.*", "")));
    }
    Collections.reverse(created);
    created.forEach(this::delete);
    ConformanceExamples.loadValid(this);
  }

  /** A Bundle as a transaction to the base, a resource as a new one (its example id dropped). */
  private HttpResponse<String> write(Resource resource, String... headers) {
    if (resource instanceof Bundle) {
      return http().post("/fhir", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(resource), headers);
    }
    resource.setId((String) null);
    return http().post("/fhir/" + resource.fhirType(), FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(resource), headers);
  }

  private HttpResponse<String> put(Resource resource) {
    return http().put("/fhir/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart(), FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(resource));
  }

  private Resource read(String reference) {
    HttpResponse<String> response = http().get("/fhir/" + reference);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (Resource) FHIR.newJsonParser().parseResource(response.body());
  }

  private void delete(String reference) {
    HttpResponse<String> response = http().send(http().request("/fhir/" + reference).DELETE());
    assertThat(response.statusCode()).as("DELETE %s: %s", reference, response.body()).isIn(200, 204);
  }

  /** How many resources of each type the example writes are stored now. */
  private Map<String, Integer> counts(Resource resource) {
    List<String> types = resource instanceof Bundle bundle
        ? bundle.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
            .map(e -> e.getResource().fhirType()).distinct().toList()
        : List.of(resource.fhirType());
    Map<String, Integer> counts = new LinkedHashMap<>();
    types.forEach(type -> counts.put(type, StoredResources.count(this, type)));
    return counts;
  }
}
