package be.ifp.carecoord.belrai;

import be.ifp.carecoord.support.PostgresServerTest;

class BelraiImportOnPostgresIT extends PostgresServerTest implements BelraiImportContract {}
