package be.ifp.carecoord.server;

import be.ifp.carecoord.support.H2ServerTest;

class RestInteractionsOnH2IT extends H2ServerTest implements RestInteractionsContract {}
