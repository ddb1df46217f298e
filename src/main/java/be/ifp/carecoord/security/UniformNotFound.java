package be.ifp.carecoord.security;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * One answer for "not there": a resource that does not exist, one that was deleted, and another
 * person's resource all get 404 with the same text, {@code Resource Type/id is not known}, and no
 * HAPI message code (HAPI words the cases differently, which would tell them apart). For users
 * also a deleted resource (410 from HAPI) is answered 404: that it once existed is itself news
 * about a person. Platforms, who reach everything, still get 410 for what was deleted (they sync
 * deletions). Entries of a batch or transaction are answered alike.
 */
@Component
@Interceptor
class UniformNotFound implements RestServerInterceptor {

  private final Callers callers;

  UniformNotFound(Callers callers) {
    this.callers = callers;
  }

  static ResourceNotFoundException of(String type, String id) {
    return new ResourceNotFoundException(text(type + "/" + id));
  }

  private static String text(String reference) {
    return "Resource " + reference + " is not known";
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException answer(RequestDetails request, Throwable exception) {
    if (!(exception instanceof BaseServerResponseException failure) || !hidden(failure, request)) {
      return null;
    }
    IIdType id = request.getId();
    String reference = id != null && id.hasIdPart() ? request.getResourceName() + "/" + id.getIdPart()
        : String.valueOf(request.getResourceName());
    return new ResourceNotFoundException(text(reference));
  }

  private boolean hidden(BaseServerResponseException failure, RequestDetails request) {
    return failure instanceof ResourceNotFoundException
        || (failure instanceof ResourceGoneException && !platform(request));
  }

  private boolean platform(RequestDetails request) {
    return callers.of(request).map(c -> c.kind() == Caller.Kind.PLATFORM).orElse(false);
  }

  /** The entries of a batch or transaction answered 404 (or 410 to a user) get the same text. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean answerEntries(RequestDetails request, IBaseResource response) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if ((operation != RestOperationTypeEnum.BATCH && operation != RestOperationTypeEnum.TRANSACTION)
        || !(response instanceof Bundle answer) || !(request.getResource() instanceof Bundle asked)) {
      return true;
    }
    boolean user = !platform(request);
    for (int i = 0; i < answer.getEntry().size() && i < asked.getEntry().size(); i++) {
      Bundle.BundleEntryResponseComponent entry = answer.getEntry().get(i).getResponse();
      String status = Optional.ofNullable(entry.getStatus()).orElse("");
      if (status.startsWith("404") || (user && status.startsWith("410"))) {
        String url = asked.getEntry().get(i).getRequest().getUrl();
        entry.setStatus("404 Not Found");
        entry.setOutcome(new OperationOutcome().addIssue(new OperationOutcome.OperationOutcomeIssueComponent()
            .setSeverity(IssueSeverity.ERROR).setCode(IssueType.PROCESSING)
            .setDiagnostics(text(url == null ? "" : url.split("\\?")[0]))));
      }
    }
    return true;
  }
}
