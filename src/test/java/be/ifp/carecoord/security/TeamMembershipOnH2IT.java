package be.ifp.carecoord.security;

import be.ifp.carecoord.support.H2ServerTest;

class TeamMembershipOnH2IT extends H2ServerTest implements TeamMembershipContract {}
