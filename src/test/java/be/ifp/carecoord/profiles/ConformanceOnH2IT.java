package be.ifp.carecoord.profiles;

import be.ifp.carecoord.support.H2ServerTest;

class ConformanceOnH2IT extends H2ServerTest implements ConformanceContract {}
