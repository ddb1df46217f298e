package be.ifp.carecoord.security;

import be.ifp.carecoord.support.PostgresServerTest;

class TeamAccessOnPostgresIT extends PostgresServerTest implements TeamAccessContract {}
