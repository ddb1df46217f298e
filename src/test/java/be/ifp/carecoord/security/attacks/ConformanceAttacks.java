package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestTokens;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.SearchParameter;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, classes 2 and 6: the conformance set is the package's. A professional, and a platform
 * that is not an administrator, neither change nor delete the {@code ifp-care-team}
 * StructureDefinition, nor add a SearchParameter or a CodeSystem; both read them.
 */
interface ConformanceAttacks extends AttackSupport {

  String CARE_TEAM_PROFILE = "https://ifp-carecoord.github.io/fhir/StructureDefinition/ifp-care-team";

  /** {@code StructureDefinition/<id>} of the package's care-team profile. */
  private String careTeamProfile() {
    Bundle found = AttackSupport.bundle(http().get("/fhir/StructureDefinition?url=" + CARE_TEAM_PROFILE));
    assertThat(found.getEntry()).as("the package's care-team profile is stored").hasSize(1);
    return "StructureDefinition/" + found.getEntry().get(0).getResource().getIdPart();
  }

  /** Tries to change and delete the profile; whatever came through is put back afterwards. */
  private void assertProfileUnchangeableBy(FhirHttp caller) {
    String profile = careTeamProfile();
    String before = Stored.version(this, profile);
    String json = Stored.json(this, profile);
    try {
      assertRefused(caller.put("/fhir/" + profile, FHIR_JSON,
          json.replaceFirst("\"description\"\\s*:\\s*\"", "\"description\":\"Changed by an attacker. ")), 403);
      assertRefused(caller.patch("/fhir/" + profile, JSON_PATCH, ANY_PATCH), 403);
      assertRefused(delete(caller, "/fhir/" + profile), 403);
      assertThat(Stored.version(this, profile)).isEqualTo(before);
    } finally {
      Stored.restore(this, profile, before, json);
    }
  }

  /** Tries to add a SearchParameter (harmless should it come through: a code nobody uses). */
  private void assertNoSearchParameterAddedBy(FhirHttp caller) {
    String url = "https://attacker.example.org/SearchParameter/" + UUID.randomUUID();
    SearchParameter parameter = new SearchParameter();
    parameter.setUrl(url).setName("attack").setStatus(Enumerations.PublicationStatus.ACTIVE)
        .setDescription("added by an attacker").setCode("attack-" + UUID.randomUUID().toString().substring(0, 8))
        .addBase("AuditEvent").setType(Enumerations.SearchParamType.TOKEN).setExpression("AuditEvent.outcome");
    try {
      assertRefused(caller.post("/fhir/SearchParameter", FHIR_JSON, AttackSupport.json(parameter)), 403);
      assertThat(Stored.count(this, "SearchParameter?url=" + url)).isZero();
    } finally {
      AttackSupport.bundle(http().get("/fhir/SearchParameter?url=" + url)).getEntry()
          .forEach(e -> delete(http(), "/fhir/SearchParameter/" + e.getResource().getIdPart()));
    }
  }

  @Test
  default void professional_cannotChangeOrDelete_theCareTeamProfile() {
    assertProfileUnchangeableBy(p1());
  }

  @Test
  default void platformThatIsNoAdministrator_cannotChangeOrDelete_theCareTeamProfile() {
    assertProfileUnchangeableBy(as(TestTokens.platform()));
    assertProfileUnchangeableBy(as(Attackers.otherPlatform()));
  }

  @Test
  default void professional_cannotAddASearchParameter() {
    assertNoSearchParameterAddedBy(p1());
  }

  @Test
  default void platformThatIsNoAdministrator_cannotAddASearchParameter() {
    assertNoSearchParameterAddedBy(as(Attackers.otherPlatform()));
  }

  @Test
  default void professional_cannotAddACodeSystem() {
    String url = "https://attacker.example.org/CodeSystem/" + UUID.randomUUID();
    CodeSystem codes = new CodeSystem().setUrl(url).setStatus(Enumerations.PublicationStatus.ACTIVE)
        .setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    codes.addConcept().setCode("x").setDisplay("x");

    assertRefused(p1().post("/fhir/CodeSystem", FHIR_JSON, AttackSupport.json(codes)), 403);
    assertThat(Stored.count(this, "CodeSystem?url=" + url)).isZero();
  }

  @Test
  default void professional_readsTheConformanceSet() {
    assertOk(p1().get("/fhir/" + careTeamProfile()));
    assertOk(p1().get("/fhir/SearchParameter?_count=1"));
    assertOk(p1().get("/fhir/StructureDefinition?url=" + CARE_TEAM_PROFILE));
  }
}
