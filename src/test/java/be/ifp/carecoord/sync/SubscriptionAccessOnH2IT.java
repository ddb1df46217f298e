package be.ifp.carecoord.sync;

import be.ifp.carecoord.support.H2ServerTest;

class SubscriptionAccessOnH2IT extends H2ServerTest implements SubscriptionAccessContract {}
