package be.ifp.carecoord.security;

import be.ifp.carecoord.support.PostgresServerTest;

class TeamMembershipOnPostgresIT extends PostgresServerTest implements TeamMembershipContract {}
