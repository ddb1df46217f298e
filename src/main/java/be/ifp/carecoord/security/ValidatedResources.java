package be.ifp.carecoord.security;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/**
 * {@code $validate} by a user: the IFP rules judge a resource against the state of its person
 * (their teams, episodes, coordinators), and their findings say what they found. So a user may
 * validate only a resource about their own persons; one about anybody else is refused (403)
 * before anything is validated, as the same write would be.
 */
@Component
class ValidatedResources {

  private final AccessPolicy policy;
  private final PersonReach reach;

  ValidatedResources(AccessPolicy policy, PersonReach reach) {
    this.policy = policy;
    this.reach = reach;
  }

  static boolean isValidation(RequestDetails request) {
    return request.getRestOperationType() == RestOperationTypeEnum.VALIDATE || "$validate".equals(request.getOperation());
  }

  void check(Caller caller, RequestDetails request) {
    Optional<IBaseResource> validated = resourceOf(request);
    if (validated.isEmpty()) {
      return;
    }
    IBaseResource resource = validated.get();
    Interaction interaction = Interaction.CREATE;
    if (policy.reach(caller, resource.fhirType(), interaction) == Caller.Reach.NONE) {
      interaction = Interaction.UPDATE;
    }
    Caller.Reach granted = policy.reach(caller, resource.fhirType(), interaction);
    if (granted == Caller.Reach.NONE
        || (granted == Caller.Reach.PERSONS && !newPerson(resource)
            && !reach.concernsOnlyTheirs(caller, resource, interaction, request))) {
      throw new ForbiddenOperationException("$validate: this " + resource.fhirType()
          + " concerns a person whose care team or case management you are not part of");
    }
  }

  /** A Patient without an id: a person being registered, whom nobody reaches yet. */
  private static boolean newPerson(IBaseResource resource) {
    return "Patient".equals(resource.fhirType()) && !resource.getIdElement().hasIdPart();
  }

  /** The resource the request validates: the body, or its {@code resource} parameter. */
  private static Optional<IBaseResource> resourceOf(RequestDetails request) {
    byte[] body = request.loadRequestContents();
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    IParser parser = text.startsWith("<") ? request.getFhirContext().newXmlParser()
        : request.getFhirContext().newJsonParser();
    try {
      IBaseResource parsed = parser.parseResource(text);
      if (parsed instanceof Parameters parameters) {
        return Optional.ofNullable(parameters.getParameter("resource")).map(Parameters.ParametersParameterComponent::getResource);
      }
      return Optional.of(parsed);
    } catch (DataFormatException e) {
      // Not ours to answer: HAPI refuses a body it cannot parse.
      return Optional.empty();
    }
  }
}
