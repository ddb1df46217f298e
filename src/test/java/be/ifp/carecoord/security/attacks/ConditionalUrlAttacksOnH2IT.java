package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.H2ServerTest;

class ConditionalUrlAttacksOnH2IT extends H2ServerTest implements ConditionalUrlAttacks {}
