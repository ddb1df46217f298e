package be.ifp.carecoord.profiles;

import be.ifp.carecoord.support.PostgresServerTest;

class ConformanceOnPostgresIT extends PostgresServerTest implements ConformanceContract {}
