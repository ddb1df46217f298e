/**
 * The IFP vocabulary shared by every capability: canonical URLs of the things this project
 * defines. No Spring, no HAPI server classes. See {@code shared/spec/domain.md}.
 */
package be.ifp.carecoord.domain;
