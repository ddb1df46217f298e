package be.ifp.carecoord.web;

import be.ifp.carecoord.support.H2ServerTest;

class BadInputOnH2IT extends H2ServerTest implements BadInputContract {}
