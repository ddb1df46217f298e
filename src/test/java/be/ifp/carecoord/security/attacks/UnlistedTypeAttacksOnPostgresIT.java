package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class UnlistedTypeAttacksOnPostgresIT extends PostgresServerTest implements UnlistedTypeAttacks {}
