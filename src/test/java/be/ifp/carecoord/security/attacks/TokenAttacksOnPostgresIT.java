package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class TokenAttacksOnPostgresIT extends PostgresServerTest implements TokenAttacks {}
