package be.ifp.carecoord.security;

import be.ifp.carecoord.support.PostgresServerTest;

class ScopesOnPostgresIT extends PostgresServerTest implements ScopesContract {}
