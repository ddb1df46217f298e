package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "How it is shown": every resource type and interaction the CapabilityStatement lists,
 * tried by a professional (P1, user/*.cruds). A type outside the access policy's table (docs/security.md) is refused for
 * every interaction (403, or 404 naming an unknown type), whether or not the id exists; a type in
 * the table is searched as the table says. Each case that answers otherwise is listed.
 */
interface CapabilityWalk extends AttackSupport {

  private List<CapabilityStatementRestResourceComponent> listedTypes() {
    HttpResponse<String> metadata = http().withoutToken().get("/fhir/metadata");
    assertThat(metadata.statusCode()).isEqualTo(200);
    return AttackSupport.parse(CapabilityStatement.class, metadata.body()).getRestFirstRep().getResource();
  }

  /** The request for one interaction on one type, by the caller; ids are ones nobody has. */
  private static HttpResponse<String> send(FhirHttp caller, String type, String interaction) {
    String id = AttackSupport.missingId();
    String instance = "/fhir/" + type + "/" + id;
    String body = "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"}";
    return switch (interaction) {
      case "read" -> caller.get(instance);
      case "vread" -> caller.get(instance + "/_history/1");
      case "update" -> caller.put(instance, FHIR_JSON, body);
      case "patch" -> caller.patch(instance, JSON_PATCH, ANY_PATCH);
      case "delete" -> caller.method("DELETE", instance, FHIR_JSON, java.net.http.HttpRequest.BodyPublishers.noBody());
      case "history-instance" -> caller.get(instance + "/_history");
      case "history-type" -> caller.get("/fhir/" + type + "/_history");
      case "create" -> caller.post("/fhir/" + type, FHIR_JSON, "{\"resourceType\":\"" + type + "\"}");
      case "search-type" -> caller.get("/fhir/" + type + "?_count=1");
      default -> throw new IllegalArgumentException(interaction);
    };
  }

  private static boolean refused(HttpResponse<String> answer) {
    boolean outcome = answer.body().contains("\"resourceType\":\"OperationOutcome\"");
    return outcome && (answer.statusCode() == 403
        || answer.statusCode() == 404 && answer.body().toLowerCase(Locale.ROOT).contains("unknown resource type"));
  }

  private boolean showsB(HttpResponse<String> answer) {
    try {
      theirs().assertNothingOfHersIn(answer);
      return false;
    } catch (AssertionError leak) {
      return true;
    }
  }

  @Test
  default void everyInteraction_onATypeOutsideThePolicyTable_isRefused() {
    List<String> answered = new ArrayList<>();
    for (CapabilityStatementRestResourceComponent resource : listedTypes()) {
      String type = resource.getType();
      if (PolicyTable.lists(type)) {
        continue;
      }
      for (ResourceInteractionComponent interaction : resource.getInteraction()) {
        String code = interaction.getCode().toCode();
        HttpResponse<String> answer = send(p1(), type, code);
        if (!refused(answer) || showsB(answer)) {
          answered.add(type + " " + code + " -> " + answer.statusCode() + (showsB(answer) ? " with B's data" : ""));
        }
      }
    }
    assertThat(answered).as("interactions answered outside the policy table (%s)", answered.size()).isEmpty();
  }

  @Test
  default void everyTypeInThePolicyTable_isSearchedAsTheTableSays() {
    List<String> wrong = new ArrayList<>();
    for (CapabilityStatementRestResourceComponent resource : listedTypes()) {
      String type = resource.getType();
      if (!PolicyTable.lists(type)) {
        continue;
      }
      HttpResponse<String> answer = send(p1(), type, "search-type");
      if (answer.statusCode() != PolicyTable.professionalsSearchStatus(type) || showsB(answer)) {
        wrong.add(type + " search -> " + answer.statusCode() + ", expected " + PolicyTable.professionalsSearchStatus(type)
            + (showsB(answer) ? ", with B's data" : ""));
      }
    }
    assertThat(wrong).isEmpty();
  }
}
