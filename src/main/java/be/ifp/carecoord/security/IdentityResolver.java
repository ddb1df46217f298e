package be.ifp.carecoord.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the user a token names by an identifier (an NIHDI or SSIN number) rather than by a
 * {@code fhirUser} reference: a Practitioner first, then a Patient. An identifier that matches
 * several resources names nobody, since we could not tell whose access to give.
 */
@Component
class IdentityResolver {

  private static final List<String> USER_TYPES = List.of("Practitioner", "Patient");

  private final DaoRegistry daos;

  IdentityResolver(DaoRegistry daos) {
    this.daos = daos;
  }

  Optional<String> resolve(String value, List<String> systems) {
    TokenOrListParam identifiers = new TokenOrListParam();
    systems.forEach(system -> identifiers.addOr(new ca.uhn.fhir.rest.param.TokenParam(system, value)));
    for (String type : USER_TYPES) {
      SearchParameterMap search = SearchParameterMap.newSynchronous().add("identifier", identifiers);
      IBundleProvider found = daos.getResourceDao(type).search(search, new SystemRequestDetails());
      List<String> ids = found.getAllResourceIds();
      if (ids.size() == 1) {
        return Optional.of(type + "/" + ids.get(0));
      }
      if (ids.size() > 1) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
