/** Rules IFP-ID, the checks of Belgian identifiers. One class per rule, package-private; {@link be.ifp.carecoord.rules.identity.IdentityRules} lists them. */
package be.ifp.carecoord.rules.identity;
