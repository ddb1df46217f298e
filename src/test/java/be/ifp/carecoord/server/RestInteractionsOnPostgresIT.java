package be.ifp.carecoord.server;

import be.ifp.carecoord.support.PostgresServerTest;

class RestInteractionsOnPostgresIT extends PostgresServerTest implements RestInteractionsContract {}
