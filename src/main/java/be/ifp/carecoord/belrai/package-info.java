/**
 * BelRAI assessment import for exporters that do not speak FHIR resources: {@code POST
 * /fhir/Observation/$import-belrai} takes a small JSON document ({@link
 * be.ifp.carecoord.belrai.BelraiAssessmentInput}), checks it field by field against the IFP
 * package's BelRAI code systems ({@code BelraiValidator}, {@code BelraiCodes}), finds the person by
 * SSIN and the assessor by NIHDI number, and stores the {@code belrai-assessment} panel with one
 * {@code belrai-scale} Observation per scale in one FHIR transaction through HAPI's system DAO, so
 * that the profiles and IFP rules apply as on any write. Idempotent on the exporter's assessment id
 * (conditional updates on an identifier). Documented in {@code ig/pages/connecting.md}, "BelRAI
 * import".
 */
package be.ifp.carecoord.belrai;
