/** Rules IFP-CC, coordinator and case manager together. One class per rule, package-private; {@link be.ifp.carecoord.rules.coordination.CoordinationRules} lists them. */
package be.ifp.carecoord.rules.coordination;
