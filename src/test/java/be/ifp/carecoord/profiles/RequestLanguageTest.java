package be.ifp.carecoord.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.server.RulesProperties;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RequestLanguageTest {

  private final RequestLanguage requestLanguage = new RequestLanguage(new RulesProperties(
      true, Entity.VL, Language.NL, Map.of(),
      new RulesProperties.CaseManagement(Period.ofMonths(6)),
      new RulesProperties.Wallonia(List.of(), List.of())));

  @Test
  void requestDetails_acceptLanguageOrTheRulesDefault() {
    SystemRequestDetails german = new SystemRequestDetails();
    german.addHeader("Accept-Language", "es, de-BE;q=0.8, fr;q=0.5");
    SystemRequestDetails spanish = new SystemRequestDetails();
    spanish.addHeader("Accept-Language", "es");

    assertThat(requestLanguage.of(german)).isEqualTo(Language.DE);
    assertThat(requestLanguage.of(spanish)).isEqualTo(Language.NL);
    assertThat(requestLanguage.of(new SystemRequestDetails())).isEqualTo(Language.NL);
    assertThat(requestLanguage.of(null)).isEqualTo(Language.NL);
  }

  @Test
  void currentRequest_isTheServletRequestBoundToTheThread() {
    MockHttpServletRequest french = new MockHttpServletRequest();
    french.addHeader("Accept-Language", "fr-BE");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(french));
    try {
      assertThat(requestLanguage.ofCurrentRequest()).isEqualTo(Language.FR);
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    assertThat(requestLanguage.ofCurrentRequest()).isEqualTo(Language.NL);
  }
}
