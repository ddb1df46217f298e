package be.ifp.carecoord.security;

import be.ifp.carecoord.support.PostgresServerTest;

class PersonControlOnPostgresIT extends PostgresServerTest implements PersonControlContract {}
