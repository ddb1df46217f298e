package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.H2ServerTest;

class ConformanceAttacksOnH2IT extends H2ServerTest implements ConformanceAttacks {}
