package be.ifp.carecoord.sync;

import be.ifp.carecoord.support.PostgresServerTest;

class SubscriptionsOnPostgresIT extends PostgresServerTest implements SubscriptionsContract {}
