package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.support.H2ServerTest;

class RulesOnH2IT extends H2ServerTest implements RulesContract {}
