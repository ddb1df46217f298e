package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class AuditTrailAttacksOnPostgresIT extends PostgresServerTest implements AuditTrailAttacks {}
