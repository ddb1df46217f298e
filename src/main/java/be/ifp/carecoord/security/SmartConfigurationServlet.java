package be.ifp.carecoord.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code [base]/.well-known/smart-configuration}: how a SMART client gets a token for this
 * server (issuer, endpoints, scopes, capabilities). A servlet of its own, since the path lies
 * under the FHIR servlet, which would take {@code .well-known} for a resource type.
 */
class SmartConfigurationServlet extends HttpServlet {

  static final String PATH = "/fhir/.well-known/smart-configuration";
  static final List<String> SCOPES_SUPPORTED = List.of(
      "openid", "fhirUser", "launch/patient", "patient/*.rs", "patient/*.cruds", "user/*.rs", "user/*.cruds",
      "system/*.rs", "system/*.cruds");
  private static final List<String> CAPABILITIES = List.of(
      "launch-standalone", "client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
      "context-standalone-patient", "sso-openid-connect", "permission-v1", "permission-v2", "permission-patient",
      "permission-user");

  private final transient SecurityProperties properties;
  private final transient ObjectMapper json = new ObjectMapper();

  SmartConfigurationServlet(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", properties.development() ? DevelopmentKey.ISSUER : properties.jwt().issuer());
    if (!properties.development()) {
      document.put("jwks_uri", properties.jwt().jwksUrl());
    }
    putIfSet(document, "authorization_endpoint", properties.smart().authorizationEndpoint());
    putIfSet(document, "token_endpoint", properties.smart().tokenEndpoint());
    document.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
    document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt"));
    document.put("scopes_supported", SCOPES_SUPPORTED);
    document.put("response_types_supported", List.of("code"));
    document.put("code_challenge_methods_supported", List.of("S256"));
    document.put("capabilities", CAPABILITIES);
    response.setContentType("application/json");
    json.writeValue(response.getOutputStream(), document);
  }

  private static void putIfSet(Map<String, Object> document, String name, String value) {
    if (!value.isBlank()) {
      document.put(name, value);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(SecurityProperties properties) {
      ServletRegistrationBean<SmartConfigurationServlet> registration =
          new ServletRegistrationBean<>(new SmartConfigurationServlet(properties), PATH);
      registration.setName("smart-configuration");
      return registration;
    }
  }
}
