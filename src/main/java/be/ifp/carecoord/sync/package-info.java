/**
 * Syncing safely: many platforms writing the same shared professionals and organisations at the
 * same moment. Conflicts between concurrent writes (two conditional creates of one identifier,
 * two updates of one version) are retried inside the server, so that every client gets the
 * answer it would have got alone; a stale {@code If-Match} is the client's own optimistic lock
 * and is answered 412, never retried. Pulling changes: a type or system history asked with
 * {@code _since} is answered as a closed time window, so that its pages stay stable while others
 * write.
 */
package be.ifp.carecoord.sync;
