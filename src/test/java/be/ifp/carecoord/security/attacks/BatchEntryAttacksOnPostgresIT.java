package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class BatchEntryAttacksOnPostgresIT extends PostgresServerTest implements BatchEntryAttacks {}
