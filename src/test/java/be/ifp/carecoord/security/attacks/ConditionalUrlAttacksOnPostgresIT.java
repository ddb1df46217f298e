package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class ConditionalUrlAttacksOnPostgresIT extends PostgresServerTest implements ConditionalUrlAttacks {}
