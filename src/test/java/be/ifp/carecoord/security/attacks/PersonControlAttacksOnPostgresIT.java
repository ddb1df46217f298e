package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class PersonControlAttacksOnPostgresIT extends PostgresServerTest implements PersonControlAttacks {}
