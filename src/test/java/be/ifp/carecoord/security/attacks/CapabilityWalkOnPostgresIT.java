package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class CapabilityWalkOnPostgresIT extends PostgresServerTest implements CapabilityWalk {}
