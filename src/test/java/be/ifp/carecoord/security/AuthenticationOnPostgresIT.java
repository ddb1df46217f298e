package be.ifp.carecoord.security;

import be.ifp.carecoord.support.PostgresServerTest;

class AuthenticationOnPostgresIT extends PostgresServerTest implements AuthenticationContract {}
