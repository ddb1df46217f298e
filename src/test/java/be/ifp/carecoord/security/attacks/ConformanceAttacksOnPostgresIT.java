package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class ConformanceAttacksOnPostgresIT extends PostgresServerTest implements ConformanceAttacks {}
