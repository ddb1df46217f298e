/**
 * The IFP rule engine (rules.md): rules that look beyond one resource, with per-entity
 * severities and messages in nl, fr, de and en. This package knows no server: rules read other
 * resources through {@link be.ifp.carecoord.rules.CareRecord}. The rules themselves live in one
 * sub-package per catalogue group; the server wiring is in {@code rules.server}.
 */
package be.ifp.carecoord.rules;
