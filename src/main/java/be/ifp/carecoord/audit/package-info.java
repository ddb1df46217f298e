/**
 * IFP-AC-05: every read and write of a person's data leaves an AuditEvent (who, which client,
 * what, when, outcome, the person concerned), searchable by the person it is about.
 */
package be.ifp.carecoord.audit;
