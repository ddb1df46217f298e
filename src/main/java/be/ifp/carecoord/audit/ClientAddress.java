package be.ifp.carecoord.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

/** The network address a request came from, for {@code AuditEvent.agent.network}. */
final class ClientAddress {

  private ClientAddress() {}

  static String of(RequestDetails request) {
    return request instanceof ServletRequestDetails servlet ? servlet.getServletRequest().getRemoteAddr() : null;
  }
}
