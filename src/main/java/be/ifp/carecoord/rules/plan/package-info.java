/** Rules IFP-CP, the care and support plan (CarePlan). One class per rule, package-private; {@link be.ifp.carecoord.rules.plan.CarePlanRules} lists them. */
package be.ifp.carecoord.rules.plan;
