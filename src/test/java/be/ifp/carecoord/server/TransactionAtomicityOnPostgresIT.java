package be.ifp.carecoord.server;

import be.ifp.carecoord.support.PostgresServerTest;

class TransactionAtomicityOnPostgresIT extends PostgresServerTest
    implements TransactionAtomicityContract {}
