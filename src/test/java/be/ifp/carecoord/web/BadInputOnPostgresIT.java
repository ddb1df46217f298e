package be.ifp.carecoord.web;

import be.ifp.carecoord.support.PostgresServerTest;

class BadInputOnPostgresIT extends PostgresServerTest implements BadInputContract {}
