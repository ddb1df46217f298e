/**
 * Who may do what: OAuth 2.0 bearer tokens (Spring Security resource server), SMART on FHIR v2
 * scopes per interaction, and the IFP access rules (IFP-AC-01 … 04) on every route into a
 * person's data. docs/security.md is the reference.
 */
package be.ifp.carecoord.security;
