package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class ExistenceOracleAttacksOnPostgresIT extends PostgresServerTest implements ExistenceOracleAttacks {}
