package be.ifp.carecoord.server;

import be.ifp.carecoord.support.H2ServerTest;

class TransactionAtomicityOnH2IT extends H2ServerTest implements TransactionAtomicityContract {}
