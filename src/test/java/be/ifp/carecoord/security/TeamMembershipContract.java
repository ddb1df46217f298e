package be.ifp.carecoord.security;

import static be.ifp.carecoord.security.PersonFile.CARE_TEAM;
import static be.ifp.carecoord.security.PersonFile.COORDINATOR_ROLE;
import static be.ifp.carecoord.security.PersonFile.OTHER_TEAM_ROLE;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestTokens;
import java.util.Date;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * IFP-AC-02 through the real REST API: the person adds and removes professionals of their team;
 * the coordinator adds but does not remove; another member changes nobody's membership.
 */
public interface TeamMembershipContract extends FhirServerAccess {

  private String changed(PersonFile file, Consumer<CareTeam> change) {
    CareTeam team = client().read().resource(CareTeam.class).withId(file.id(CARE_TEAM)).execute();
    change.accept(team);
    return FHIR.newJsonParser().encodeResourceToString(team);
  }

  private static Consumer<CareTeam> removing(String member) {
    return team -> team.getParticipant().removeIf(p -> member.equals(p.getMember().getReference()));
  }

  private static Consumer<CareTeam> adding(String member) {
    return team -> team.addParticipant().setMember(new Reference(member))
        .setPeriod(new Period().setStart(new Date()))
        .addRole(new CodeableConcept(new Coding(
            "https://ifp-carecoord.github.io/fhir/CodeSystem/ifp-role", "care-provider", "Care or welfare provider")));
  }

  private static Consumer<CareTeam> ending(String member) {
    return team -> team.getParticipant().stream().filter(p -> member.equals(p.getMember().getReference()))
        .forEach(p -> p.getPeriod().setEnd(new Date()));
  }

  private FhirHttp as(String user, String scope) {
    return http().withToken(TestTokens.user(user, scope));
  }

  @Test
  default void onlyThePerson_removesAndAdds_theCoordinatorOnlyAdds_othersNeither() {
    PersonFile file = PersonFile.load(this);
    PersonFile elsewhere = PersonFile.twoPersons(this).get(1);
    String team = file.path(CARE_TEAM);
    FhirHttp member = as(file.id(TEAM_ROLE), "user/*.cruds");
    FhirHttp coordinator = as(file.id(COORDINATOR_ROLE), "user/*.cruds");
    FhirHttp person = as(file.id(PATIENT), "patient/*.cruds");
    String colleague = elsewhere.id(TEAM_ROLE);

    assertOutcome(member.put(team, FHIR_JSON, changed(file, removing(file.id(OTHER_TEAM_ROLE)))), 403);
    assertOutcome(member.put(team, FHIR_JSON, changed(file, adding(colleague))), 403);
    assertOutcome(coordinator.put(team, FHIR_JSON, changed(file, removing(file.id(OTHER_TEAM_ROLE)))), 403);

    assertThat(coordinator.put(team, FHIR_JSON, changed(file, adding(colleague))).statusCode()).isEqualTo(200);
    assertThat(person.put(team, FHIR_JSON, changed(file, removing(colleague))).statusCode()).isEqualTo(200);
    assertThat(client().read().resource(CareTeam.class).withId(file.id(CARE_TEAM)).execute().getParticipant())
        .noneMatch(p -> colleague.equals(p.getMember().getReference()));
  }

  @Test
  default void endingAParticipation_removesTheMember_soOnlyThePersonMayDoIt() {
    PersonFile file = PersonFile.load(this);
    String team = file.path(CARE_TEAM);
    FhirHttp member = as(file.id(TEAM_ROLE), "user/*.cruds");
    FhirHttp coordinator = as(file.id(COORDINATOR_ROLE), "user/*.cruds");
    FhirHttp person = as(file.id(PATIENT), "patient/*.cruds");

    assertOutcome(member.put(team, FHIR_JSON, changed(file, ending(file.id(OTHER_TEAM_ROLE)))), 403);
    assertOutcome(coordinator.put(team, FHIR_JSON, changed(file, ending(file.id(OTHER_TEAM_ROLE)))), 403);
    assertThat(member.put(team, FHIR_JSON, changed(file, t -> t.setName("Team of the person"))).statusCode())
        .as("a change that leaves every participation as it was").isEqualTo(200);

    assertThat(person.put(team, FHIR_JSON, changed(file, ending(file.id(OTHER_TEAM_ROLE)))).statusCode())
        .isEqualTo(200);
  }
}
