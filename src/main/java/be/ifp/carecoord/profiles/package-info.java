/**
 * The IFP conformance package {@code be.ifp.carecoord}: built from {@code profiles/} and
 * {@code ig/} at build time ({@link be.ifp.carecoord.profiles.PackageBuilder}), loaded at
 * start-up and served for download. See {@code shared/spec/domain.md} §5.
 */
package be.ifp.carecoord.profiles;
