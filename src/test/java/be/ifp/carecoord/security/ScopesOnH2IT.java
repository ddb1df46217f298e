package be.ifp.carecoord.security;

import be.ifp.carecoord.support.H2ServerTest;

class ScopesOnH2IT extends H2ServerTest implements ScopesContract {}
