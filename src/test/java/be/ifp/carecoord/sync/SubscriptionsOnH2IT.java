package be.ifp.carecoord.sync;

import be.ifp.carecoord.support.H2ServerTest;

class SubscriptionsOnH2IT extends H2ServerTest implements SubscriptionsContract {}
