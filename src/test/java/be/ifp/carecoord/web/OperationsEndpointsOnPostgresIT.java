package be.ifp.carecoord.web;

import be.ifp.carecoord.support.PostgresServerTest;

class OperationsEndpointsOnPostgresIT extends PostgresServerTest implements OperationsEndpointsContract {}
