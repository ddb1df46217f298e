/** Rules IFP-CM, case management (EpisodeOfCare). One class per rule, package-private; {@link be.ifp.carecoord.rules.casemanagement.CaseManagementRules} lists them. */
package be.ifp.carecoord.rules.casemanagement;
