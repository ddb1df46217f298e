/** Rules IFP-TM, the interdisciplinary team (CareTeam). One class per rule, package-private; {@link be.ifp.carecoord.rules.team.TeamRules} lists them. */
package be.ifp.carecoord.rules.team;
