package be.ifp.carecoord.sync;

import be.ifp.carecoord.support.PostgresServerTest;

class SyncOnPostgresIT extends PostgresServerTest implements SyncContract {}
