package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.support.PostgresServerTest;

class RulesOnPostgresIT extends PostgresServerTest implements RulesContract {}
