package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class ChainedSearchAttacksOnPostgresIT extends PostgresServerTest implements ChainedSearchAttacks {}
