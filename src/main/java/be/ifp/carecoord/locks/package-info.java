/**
 * Locks that serialise concurrent writes of the same person or the same conditional URL, held
 * until the database transaction ends: PostgreSQL advisory locks (across server instances), or
 * in-process locks for the embedded H2 database.
 */
package be.ifp.carecoord.locks;
