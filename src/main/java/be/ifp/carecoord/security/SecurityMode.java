package be.ifp.carecoord.security;

/** Whether the server asks for bearer tokens. */
public enum SecurityMode {
  /** Every FHIR request needs a valid token from the configured issuer (the default). */
  OAUTH2,
  /**
   * Requests without a token are served as a development platform with every scope; tokens
   * signed with the published dev-only key are trusted. Never in production.
   */
  DEVELOPMENT
}
