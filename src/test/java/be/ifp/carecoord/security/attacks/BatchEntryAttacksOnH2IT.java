package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.H2ServerTest;

class BatchEntryAttacksOnH2IT extends H2ServerTest implements BatchEntryAttacks {}
