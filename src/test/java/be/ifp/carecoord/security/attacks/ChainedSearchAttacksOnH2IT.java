package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.H2ServerTest;

class ChainedSearchAttacksOnH2IT extends H2ServerTest implements ChainedSearchAttacks {}
