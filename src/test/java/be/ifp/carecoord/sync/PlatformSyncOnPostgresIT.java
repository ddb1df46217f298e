package be.ifp.carecoord.sync;

import be.ifp.carecoord.support.PostgresServerTest;

class PlatformSyncOnPostgresIT extends PostgresServerTest implements PlatformSyncContract {}
