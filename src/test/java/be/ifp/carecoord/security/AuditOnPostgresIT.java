package be.ifp.carecoord.security;

import be.ifp.carecoord.support.PostgresServerTest;

class AuditOnPostgresIT extends PostgresServerTest implements AuditContract {}
