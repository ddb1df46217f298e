package be.ifp.carecoord.sync;

import be.ifp.carecoord.support.PostgresServerTest;

class SubscriptionAccessOnPostgresIT extends PostgresServerTest implements SubscriptionAccessContract {}
