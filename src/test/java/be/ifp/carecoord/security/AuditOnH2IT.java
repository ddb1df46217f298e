package be.ifp.carecoord.security;

import be.ifp.carecoord.support.H2ServerTest;

class AuditOnH2IT extends H2ServerTest implements AuditContract {}
