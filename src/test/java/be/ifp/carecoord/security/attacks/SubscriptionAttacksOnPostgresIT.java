package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.PostgresServerTest;

class SubscriptionAttacksOnPostgresIT extends PostgresServerTest implements SubscriptionAttacks {}
